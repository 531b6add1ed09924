import type { FastifyInstance } from "fastify";
import { badRequest } from "../errors.ts";

const MAX_DEPTH = 32;

/** Finds what no route may accept: NUL characters (PostgreSQL text cannot hold them) and absurd nesting. */
export function hostileValueReason(value: unknown, depth = 0): "nul_character" | "too_deep" | null {
  if (depth > MAX_DEPTH) return "too_deep";
  if (typeof value === "string") return value.includes("\u0000") ? "nul_character" : null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const reason = hostileValueReason(item, depth + 1);
      if (reason) return reason;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const reason = hostileValueReason(key, depth + 1) ?? hostileValueReason(item, depth + 1);
      if (reason) return reason;
    }
  }
  return null;
}

/** Refuses such input for every route before schema validation, so no handler ever sees it. */
export function registerInputHygiene(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const reason =
      hostileValueReason(request.query) ??
      hostileValueReason(request.params) ??
      hostileValueReason(request.body);
    if (reason) {
      throw badRequest(
        reason,
        reason === "nul_character" ? "输入内容包含非法字符" : "输入内容嵌套层级过深",
        reason === "nul_character" ? "Input contains a NUL character" : "Input is nested too deeply",
      );
    }
  });
}
