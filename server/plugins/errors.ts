import type { FastifyError, FastifyInstance } from "fastify";
import { AppError } from "../errors.ts";

/** Maps every failure to `{ error, message, messageEn, details? }`; 5xx details never reach the client. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({
        error: error.code,
        message: error.messageZh,
        messageEn: error.messageEn,
        ...(error.details === undefined ? {} : { details: error.details }),
      });
    }
    if (error.validation) {
      return reply.status(400).send({
        error: "validation_failed",
        message: validationMessage(error.validation),
        messageEn: `Invalid request: ${error.message}`,
        details: error.validation.map((v) => ({
          path: v.instancePath || v.params?.missingProperty,
          rule: v.keyword,
          message: v.message,
        })),
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({
        error: clientErrorCode(status, error.code),
        message: clientErrorMessage(status),
        messageEn: error.message,
      });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send({
      error: "internal_error",
      message: "服务器内部错误，请稍后重试",
      messageEn: "Internal server error",
    });
  });
}

const DATE_FORMATS: Record<string, string> = {
  date: "YYYY-MM-DD",
  "date-or-date-time": "YYYY-MM-DD 或 YYYY-MM-DDTHH:mm",
  "date-time": "YYYY-MM-DDTHH:mm:ssZ",
};

/** The Chinese message of a 400: a bad date names its field and the expected form, anything else is generic. */
function validationMessage(validation: NonNullable<FastifyError["validation"]>): string {
  const first = validation[0];
  const format = first?.keyword === "format" ? String(first.params?.format ?? "") : "";
  if (format in DATE_FORMATS) {
    const field = first.instancePath.replace(/^\//, "") || "日期";
    return `日期不正确：${field} 应为真实存在的日期，格式 ${DATE_FORMATS[format]}`;
  }
  return "请求参数不合法，请检查后重试";
}

/**
 * Unknown API paths and missing files answer a JSON 404; any other GET that wants a page gets the web
 * app's index.html, so client-side routes survive a reload.
 */
export function registerNotFound(app: FastifyInstance, hasWebApp: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      hasWebApp &&
      request.method === "GET" &&
      !request.url.startsWith("/api/") &&
      !request.url.startsWith("/assets/") &&
      (request.headers.accept ?? "").includes("text/html");
    if (wantsPage) return reply.header("Cache-Control", "no-cache").sendFile("index.html");
    return reply.status(404).send({
      error: "route_not_found",
      message: "请求的接口不存在",
      messageEn: `No route ${request.method} ${request.url.split("?")[0]}`,
    });
  });
}

function clientErrorCode(status: number, code: string | undefined): string {
  if (status === 413) return "payload_too_large";
  if (status === 415) return "unsupported_media_type";
  if (status === 429) return "rate_limited";
  return code ? code.toLowerCase().replace(/^fst_err_/, "") : "bad_request";
}

function clientErrorMessage(status: number): string {
  if (status === 413) return "提交的内容过大";
  if (status === 415) return "不支持的内容类型";
  if (status === 429) return "请求过于频繁，请稍后再试";
  return "请求格式不正确";
}
