/**
 * A department or supervisory body as GET /api/departments and the case dictionary give it: type-only and
 * import-free (docs/decisions/0006).
 */
export interface DepartmentName {
  id: number;
  code: string;
  /** The official Chinese name (exports, audit, documents use it). */
  name: string;
  /** The name in Uyghur and in English, where one is recorded; the web falls back to `name`. */
  nameUg: string | null;
  nameEn: string | null;
}

export interface Department extends DepartmentName {
  kind: "department" | "supervisory";
}
