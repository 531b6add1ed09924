import { Ajv, type Options } from "ajv";
import formatsPlugin from "ajv-formats";
import type { FastifyInstance, FastifySchema } from "fastify";

// ajv-formats is CommonJS: its function is the module's `default` property under NodeNext.
const addFormats = formatsPlugin.default;

const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };

type Format = { validate: (value: string) => boolean };

/**
 * RFC 3339 (and so ajv-formats) allows a leap second, 23:59:60, which no JavaScript Date can hold: such a
 * time would pass the schema and fail later as an invalid date (a 500). Here it is refused with the 400.
 */
function withRepresentableDateTimes(ajv: Ajv): Ajv {
  const rfc3339 = ajv.formats["date-time"] as Format;
  ajv.addFormat("date-time", {
    ...rfc3339,
    validate: (value: string) => rfc3339.validate(value) && !Number.isNaN(Date.parse(value)),
  });
  return ajv;
}

/**
 * Two validators: query strings and path parameters arrive as text, so they are coerced to the declared
 * types; JSON bodies are checked as sent — a number where a string belongs is an error, not "123".
 */
export function registerValidation(app: FastifyInstance): void {
  const coercing = withRepresentableDateTimes(addFormats(new Ajv({ ...common, coerceTypes: "array" })));
  const strict = withRepresentableDateTimes(addFormats(new Ajv({ ...common, coerceTypes: false })));
  app.setValidatorCompiler(({ schema, httpPart }: { schema: FastifySchema; httpPart?: string }) =>
    (httpPart === "body" ? strict : coercing).compile(schema as object),
  );
}
