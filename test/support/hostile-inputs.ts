/** Malformed inputs generated from a route's JSON schemas: every one of them must be refused with a 4xx. */
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
};

export interface HostileCase {
  label: string;
  body?: unknown;
  rawBody?: string | Buffer;
  contentType?: string;
  query?: Record<string, string>;
  pathValue?: string;
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, meant literally
const INJECTION = ["' OR 1=1 --", "<script>alert(1)</script>", "../../../../etc/passwd", "${jndi:ldap://x}"];

/** A value the schema accepts, to carry one wrong field at a time. */
export function plausible(schema: Schema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return plausible(schema.anyOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "array":
      return [];
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = plausible(schema.properties?.[key] ?? {});
      return out;
    }
    case "string":
      return schema.format === "date-time" ? "2026-01-01T00:00:00Z" : "测试";
    default:
      return null;
  }
}

/** Valid RFC 3339 that no JavaScript Date can hold (a leap second). */
const LEAP_SECOND = "2026-06-30T23:59:60Z";

/**
 * Dates shaped right that name no day PostgreSQL can store (it answers "date/time field value out of range"),
 * for every field of a date format: each must be a 400, never reach the database.
 */
const IMPOSSIBLE_DATES: Record<string, string[]> = {
  date: ["2026-13-45", "2026-02-30", "0000-01-01"],
  "date-or-date-time": [
    "2026-13-45",
    "2026-02-30",
    "2026-11-30T25:00",
    "0000-01-01",
    "2026-11-30T10:00+15:00",
  ],
  "date-time": ["0000-01-01T00:00:00Z", "0001-01-01T00:00:00+08:00", "2026-02-30T10:00:00Z"],
};
const impossibleDates = (schema: Schema): string[] =>
  schema.format ? (IMPOSSIBLE_DATES[schema.format] ?? []) : [];

/** Values of the wrong kind for a property; none can satisfy a typed schema. */
function wrongValues(schema: Schema): unknown[] {
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length === 0 && !schema.anyOf && !schema.enum && schema.const === undefined) return [];
  const candidates: unknown[] = [{ $ne: 1 }, [[["deep"]]], true, 12345, "not-a-number", 1.5];
  return candidates.filter((v) => !accepts(schema, v));
}

function accepts(schema: Schema, value: unknown): boolean {
  if (schema.const !== undefined) return schema.const === value;
  if (schema.enum) return schema.enum.includes(value);
  if (schema.anyOf) return schema.anyOf.some((s) => accepts(s, value));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.some((t) => {
    if (t === "string") return typeof value === "string";
    if (t === "integer") return Number.isInteger(value);
    if (t === "number") return typeof value === "number";
    if (t === "boolean") return typeof value === "boolean";
    if (t === "array") return Array.isArray(value);
    if (t === "object") return typeof value === "object" && value !== null && !Array.isArray(value);
    if (t === "null") return value === null;
    return true;
  });
}

function nested(depth: number): unknown {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

export function bodyCases(schema: Schema): HostileCase[] {
  const cases: HostileCase[] = [
    { label: "body: not JSON", rawBody: "{not json", contentType: "application/json" },
    {
      label: "body: invalid UTF-8",
      rawBody: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      contentType: "application/json",
    },
    { label: "body: array", body: [] },
    { label: "body: number", body: 42 },
    { label: "body: 3 MB", rawBody: `{"x":"${"x".repeat(3_000_000)}"}`, contentType: "application/json" },
    { label: "body: nested 200 deep", body: nested(200) },
  ];
  if ((schema.required ?? []).length > 0) cases.push({ label: "body: empty object", body: {} });
  const base = plausible(schema) as Record<string, unknown>;
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    for (const wrong of wrongValues(property)) {
      cases.push({ label: `body.${key} = ${JSON.stringify(wrong)}`, body: { ...base, [key]: wrong } });
    }
    if (property.format === "date-time")
      cases.push({ label: `body.${key} a leap second`, body: { ...base, [key]: LEAP_SECOND } });
    for (const date of impossibleDates(property))
      cases.push({ label: `body.${key}=${date}`, body: { ...base, [key]: date } });
    if (accepts(property, "x")) {
      cases.push({ label: `body.${key} with NUL`, body: { ...base, [key]: "a\u0000b" } });
      if (property.maxLength !== undefined) {
        cases.push({
          label: `body.${key} too long`,
          body: { ...base, [key]: "长".repeat(property.maxLength + 1) },
        });
      }
    }
  }
  if (schema.additionalProperties === false) {
    cases.push({ label: "body: unknown field", body: { ...base, __proto_pollution__: { admin: true } } });
  }
  cases.push(...nestedCases(schema, base));
  return cases;
}

/**
 * One level down: a wrong value (or a leap second) in one field of an object nested in the body, or of the
 * first item of an array of objects (a track point, a checklist answer, a dispute party).
 */
function nestedCases(schema: Schema, base: Record<string, unknown>): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const asArray = property.type === "array" && property.items?.type === "object";
    const inner = asArray ? (property.items as Schema) : property.type === "object" ? property : null;
    if (!inner?.properties) continue;
    const item = plausible(inner) as Record<string, unknown>;
    const wrap = (value: Record<string, unknown>) => ({ ...base, [key]: asArray ? [value] : value });
    for (const [field, fieldSchema] of Object.entries(inner.properties)) {
      const where = `body.${key}${asArray ? "[0]" : ""}.${field}`;
      for (const wrong of wrongValues(fieldSchema))
        cases.push({ label: `${where} = ${JSON.stringify(wrong)}`, body: wrap({ ...item, [field]: wrong }) });
      if (fieldSchema.format === "date-time")
        cases.push({ label: `${where} a leap second`, body: wrap({ ...item, [field]: LEAP_SECOND }) });
      for (const date of impossibleDates(fieldSchema))
        cases.push({ label: `${where}=${date}`, body: wrap({ ...item, [field]: date }) });
    }
  }
  return cases;
}

export function queryCases(parameters: { name: string; in: string; schema: Schema }[]): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const p of parameters.filter((x) => x.in === "query")) {
    const s = p.schema;
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    if (type === "integer" || type === "number") {
      for (const v of ["abc", "1e999", "-99999999999999999999", "1.5e3x", ""]) {
        cases.push({ label: `query.${p.name}=${v}`, query: { [p.name]: v } });
      }
    }
    if (type === "string" && s.maxLength !== undefined) {
      cases.push({ label: `query.${p.name} too long`, query: { [p.name]: "x".repeat(s.maxLength + 1) } });
    }
    if (s.format === "date-time") {
      cases.push({ label: `query.${p.name} not a date`, query: { [p.name]: "昨天" } });
      cases.push({ label: `query.${p.name} a leap second`, query: { [p.name]: LEAP_SECOND } });
    }
    for (const date of impossibleDates(s))
      cases.push({ label: `query.${p.name}=${date}`, query: { [p.name]: date } });
    cases.push({ label: `query.${p.name} with NUL`, query: { [p.name]: "a\u0000b" } });
  }
  return cases;
}

export function pathCases(path: string): HostileCase[] {
  if (!path.includes("{")) return [];
  return ["abc", "-1", "1.5", "99999999999", "1e309", "..%2F..%2Fetc%2Fpasswd", "%00"].map((v) => ({
    label: `path=${v}`,
    pathValue: v,
  }));
}

/** Valid-shaped but hostile strings: they may be accepted, but must never break anything. */
export const INJECTION_STRINGS = INJECTION;
