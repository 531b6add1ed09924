import type { FastifyRequest } from "fastify";
import { AppError, badRequest } from "../errors.ts";

export interface SingleUpload {
  bytes: Buffer;
  filename: string;
  /** The plain form fields sent with the file (a note…), last value wins. */
  fields: Record<string, string>;
}

/**
 * Reads a multipart request that must carry exactly one file, in `fileField`, of at most `maxBytes` (refused with
 * `tooLarge` while it streams). Every way the body can be wrong — cut short, no boundary, a second file, a file
 * under another name, no file — is a 4xx with a Chinese message: the parser's own errors carry no status and
 * would otherwise surface as 500s.
 */
export async function readSingleUpload(
  request: FastifyRequest,
  options: { fileField: string; maxBytes: number; tooLarge: () => AppError; missing: () => AppError },
): Promise<SingleUpload> {
  let file: { bytes: Buffer; filename: string } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: options.maxBytes, files: 1 } })) {
      if (part.type === "field") {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== options.fileField) {
        throw badRequest(
          "unexpected_file_field",
          `文件须放在表单字段 ${options.fileField} 中上传`,
          `The file must be sent in the form field ${options.fileField}`,
        );
      }
      file = { bytes: await part.toBuffer(), filename: part.filename };
    }
  } catch (error) {
    throw uploadFailure(error, options.tooLarge);
  }
  if (!file) throw options.missing();
  return { ...file, fields };
}

function uploadFailure(error: unknown, tooLarge: () => AppError): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE") return tooLarge();
  if (code === "FST_FILES_LIMIT")
    return badRequest("too_many_files", "一次只能上传一个文件", "Only one file per upload");
  if (code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT")
    return new AppError("too_many_parts", 413, "表单字段过多", "Too many form parts");
  return badRequest(
    "malformed_upload",
    "上传的内容不完整或格式不正确，请重新选择文件上传",
    "The multipart body is malformed or incomplete",
  );
}
