import { Type } from "@sinclair/typebox";

export const ErrorBody = Type.Object(
  {
    error: Type.String({ description: "stable machine-readable code" }),
    message: Type.String({ description: "Chinese message for the user" }),
    messageEn: Type.Optional(Type.String()),
    details: Type.Optional(Type.Unknown()),
  },
  { $id: "ErrorBody" },
);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

/**
 * A calendar day, YYYY-MM-DD. Checked for real (plugins/validation.ts, domain/date-input.ts): 2026-02-30,
 * 2026-13-45 and the year 0000 are 400 validation_failed, never a database error.
 */
export const CalendarDay = (description: string) =>
  Type.String({ format: "date", maxLength: 10, description });

/**
 * A list filter's `from`/`to`: a day, or a time with or without an offset (domain/date-input.ts). Queries read
 * it with `withinDateRange` (queries/sql-time.ts): a day is the whole Beijing day, both ends included.
 */
export const DateRangeBound = (description: string) =>
  Type.String({ format: "date-or-date-time", maxLength: 40, description });

export const Pagination = {
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};

/**
 * A write the client may send again (a double tap, a resend after a lost answer): the same key answers the
 * first answer. What a key may look like is checked by the handler, with a message in Chinese.
 */
export const IdempotencyHeaders = Type.Object({
  "idempotency-key": Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, pattern: "^[\\x21-\\x7e]+$" }),
  ),
});

export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
};

/** A 200 whose body is documented by the handler's TypeScript type rather than a schema. */
export const AnyObject = Type.Object({}, { additionalProperties: true });

/**
 * Marks a route that reads a multipart upload (read by the handler with readSingleUpload, so there is no body
 * schema). The OpenAPI document carries it as `x-upload`, which the hostile-input suite uses to find every
 * upload route and send it oversized, mislabelled and malformed files.
 */
export const multipartUpload = (fileField: string) => ({
  consumes: ["multipart/form-data"],
  "x-upload": { fileField },
});
