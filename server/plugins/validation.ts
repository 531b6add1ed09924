import { Ajv, type Options } from "ajv";
import formatsPlugin from "ajv-formats";
import type { FastifyInstance, FastifySchema } from "fastify";

// ajv-formats is CommonJS: its function is the module's `default` property under NodeNext.
const addFormats = formatsPlugin.default;

const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };

/**
 * Two validators: query strings and path parameters arrive as text, so they are coerced to the declared
 * types; JSON bodies are checked as sent — a number where a string belongs is an error, not "123".
 */
export function registerValidation(app: FastifyInstance): void {
  const coercing = addFormats(new Ajv({ ...common, coerceTypes: "array" }));
  const strict = addFormats(new Ajv({ ...common, coerceTypes: false }));
  app.setValidatorCompiler(({ schema, httpPart }: { schema: FastifySchema; httpPart?: string }) =>
    (httpPart === "body" ? strict : coercing).compile(schema as object),
  );
}
