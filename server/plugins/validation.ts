import { Ajv, type Options } from "ajv";
import formatsPlugin from "ajv-formats";
import type { FastifyInstance, FastifySchema } from "fastify";
import { isCalendarDate, isDateOrDateTime, isInstantInRange } from "../domain/date-input.ts";

// ajv-formats is CommonJS: its function is the module's `default` property under NodeNext.
const addFormats = formatsPlugin.default;

const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };

type Format = { validate: (value: string) => boolean };

/**
 * Dates the database can hold, checked here so that a bad one is a 400 rather than PostgreSQL's "date/time
 * field value out of range" (a 500). RFC 3339 (and so ajv-formats) allows a leap second, 23:59:60, which no
 * JavaScript Date can hold, and the year 0000, which PostgreSQL has not: both are refused (domain/date-input.ts).
 * `date-or-date-time` is a day or a time as the list filters take them (`from`/`to`).
 */
function withStorableDates(ajv: Ajv): Ajv {
  const rfc3339 = ajv.formats["date-time"] as Format;
  ajv.addFormat("date-time", {
    ...rfc3339,
    validate: (value: string) => rfc3339.validate(value) && isInstantInRange(value),
  });
  ajv.addFormat("date", { ...(ajv.formats.date as Format), validate: isCalendarDate });
  ajv.addFormat("date-or-date-time", { type: "string", validate: isDateOrDateTime });
  return ajv;
}

/**
 * Two validators: query strings and path parameters arrive as text, so they are coerced to the declared
 * types; JSON bodies are checked as sent — a number where a string belongs is an error, not "123".
 */
export function registerValidation(app: FastifyInstance): void {
  const coercing = withStorableDates(addFormats(new Ajv({ ...common, coerceTypes: "array" })));
  const strict = withStorableDates(addFormats(new Ajv({ ...common, coerceTypes: false })));
  app.setValidatorCompiler(({ schema, httpPart }: { schema: FastifySchema; httpPart?: string }) =>
    (httpPart === "body" ? strict : coercing).compile(schema as object),
  );
}
