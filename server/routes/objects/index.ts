import { createHash } from "node:crypto";
import { createObject } from "../../commands/object-creator.ts";
import { importObjects } from "../../commands/object-importer.ts";
import { retireObject } from "../../commands/object-retirer.ts";
import { updateObject } from "../../commands/object-updater.ts";
import type { Db } from "../../db/client.ts";
import { tableToInputs } from "../../domain/object-sheet.ts";
import { AppError, badRequest } from "../../errors.ts";
import { actorOf } from "../../plugins/auth.ts";
import type { Actor } from "../../policies/actor.ts";
import { allow } from "../../policies/allow.ts";
import { objectCases } from "../../queries/cases.ts";
import {
  getObject,
  listObjects,
  type ObjectDetail,
  objectFeatures,
  objectHistory,
  objectsForExport,
} from "../../queries/objects.ts";
import { objectPatrols } from "../../queries/patrols.ts";
import { buildExport, buildTemplate, readUpload } from "../../spreadsheets/object-workbook.ts";
import { answerOnce } from "../answer-once.ts";
import { readSingleUpload } from "../single-upload.ts";
import type { App, RouteDeps } from "../types.ts";
import { fileDay, sendWorkbook } from "../workbook-download.ts";
import {
  createObjectSchema,
  exportObjectsSchema,
  getObjectSchema,
  importObjectsSchema,
  listObjectsSchema,
  objectArchiveSchema,
  objectGeojsonSchema,
  retireObjectSchema,
  templateSchema,
  updateObjectSchema,
} from "./schema.ts";

/** Uploads larger than this are refused (413) before they are read to the end. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** The buttons the caller may see on this object (Outline's `policies`): the UI hides the rest. */
function withPolicies(actor: Actor, object: ObjectDetail) {
  const manage = allow(actor, "object.manage") && object.status !== "retired";
  return { ...object, policies: { update: manage, retire: manage } };
}

export function objectRoutes(app: App, { database, config }: RouteDeps): void {
  const ctxOf = (actor: Actor, ip: string, db: Db = database.db) => ({ db, actor, ip });
  // Checked by the auth plugin before validation; the commands check object.manage again.
  const read = { permission: "object.read" } as const;
  const manage = { permission: "object.manage" } as const;

  app.get("/api/objects", { config: read, schema: listObjectsSchema }, async (request) =>
    listObjects(database.db, actorOf(request).scope, request.query),
  );

  app.get("/api/objects/geojson", { config: read, schema: objectGeojsonSchema }, async (request, reply) => {
    const doc = await objectFeatures(database.db, actorOf(request).scope, request.query);
    return reply.type("application/geo+json; charset=utf-8").send(doc);
  });

  // A read: like every GET it changes nothing, so it is not in the audit log (the request log has it).
  app.get(
    "/api/objects/export.xlsx",
    { config: read, schema: exportObjectsSchema },
    async (request, reply) => {
      const objects = await objectsForExport(database.db, actorOf(request).scope, request.query);
      const file = await buildExport(objects);
      const day = fileDay();
      return sendWorkbook(reply, file, { zh: `监管对象_${day}.xlsx`, ascii: `objects-${day}.xlsx` });
    },
  );

  app.get("/api/objects/template.xlsx", { config: manage, schema: templateSchema }, async (_request, reply) =>
    sendWorkbook(reply, await buildTemplate(), {
      zh: "监管对象导入模板.xlsx",
      ascii: "objects-template.xlsx",
    }),
  );

  app.post("/api/objects/import", { config: manage, schema: importObjectsSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!request.isMultipart()) {
      throw new AppError(
        "unsupported_media_type",
        415,
        "请以 multipart/form-data 方式上传文件",
        "Upload the file as multipart/form-data",
      );
    }
    const file = await readSingleUpload(request, {
      fileField: "file",
      maxBytes: IMPORT_MAX_BYTES,
      tooLarge: () =>
        new AppError(
          "payload_too_large",
          413,
          `文件不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB，请分批导入`,
          "File too large",
        ),
      missing: () => badRequest("file_required", "请选择要导入的文件", "No file in the upload"),
    });
    const buffer = file.bytes;
    const upload = await readUpload(buffer);
    if (!upload.ok) {
      return reply.status(422).send({
        error: upload.code,
        message: upload.messageZh,
        messageEn: upload.messageEn,
        errors: [{ row: 0, field: "", message: upload.messageZh }],
      });
    }
    const { rows, errors } = tableToInputs(upload.table);
    const result = await importObjects(
      ctxOf(actor, request.ip),
      {
        fileName: file.filename.slice(0, 200),
        format: upload.format,
        sha256: createHash("sha256").update(buffer).digest("hex"),
      },
      rows,
      errors,
    );
    if (!result.ok) {
      const n = new Set(result.errors.map((e) => e.row)).size;
      return reply.status(422).send({
        error: "import_rejected",
        message: `文件中有 ${n} 行存在问题，未导入任何数据；请按提示修改后重新上传`,
        messageEn: `${n} rows have problems; nothing was imported`,
        errors: result.errors,
      });
    }
    const { ok: _ok, ...body } = result;
    return reply.status(201).send(body);
  });

  app.post("/api/objects", { config: manage, schema: createObjectSchema }, async (request, reply) => {
    const actor = actorOf(request);
    return answerOnce(request, reply, { db: database.db, config }, {}, async (tx) => ({
      status: 201,
      body: await createObject(ctxOf(actor, request.ip, tx), request.body),
    }));
  });

  app.get("/api/objects/:id", { config: read, schema: getObjectSchema }, async (request) => {
    const actor = actorOf(request);
    return withPolicies(actor, await getObject(database.db, actor.scope, request.params.id));
  });

  app.get("/api/objects/:id/archive", { config: read, schema: objectArchiveSchema }, async (request) => {
    const actor = actorOf(request);
    const object = await getObject(database.db, actor.scope, request.params.id);
    return {
      object: withPolicies(actor, object),
      history: await objectHistory(database.db, object.id),
      // Documents are filled by their feature (an empty state until then).
      archive: {
        patrols: await objectPatrols(database.db, object.id),
        cases: await objectCases(database.db, actor, object.id),
        documents: [],
      },
    };
  });

  app.put("/api/objects/:id", { config: manage, schema: updateObjectSchema }, async (request) =>
    updateObject(ctxOf(actorOf(request), request.ip), request.params.id, request.body),
  );

  app.post("/api/objects/:id/retire", { config: manage, schema: retireObjectSchema }, async (request) =>
    retireObject(ctxOf(actorOf(request), request.ip), request.params.id, request.body),
  );
}
