import type { DepartmentName } from "../api/types";

/** What a department name needs: the official Chinese name and, where recorded, its translations. */
export type NamedDepartment = Pick<DepartmentName, "name"> &
  Partial<Pick<DepartmentName, "nameUg" | "nameEn">>;

/** The department's name in `language`: the recorded translation, else the official Chinese name. */
export function departmentName(department: NamedDepartment, language: string): string {
  const translated =
    language === "ug" ? department.nameUg : language === "en" ? department.nameEn : undefined;
  return translated || department.name;
}

/**
 * The name of department `id` in `language`, looked up in the department list. `fallback` is the server's
 * Chinese name sent with the row: the answer when the list is not loaded, lacks the id, or there is no id.
 */
export function localDepartmentName(
  departments: ReadonlyMap<number, NamedDepartment> | undefined,
  id: number | null | undefined,
  fallback: string,
  language: string,
): string {
  const department = id === null || id === undefined ? undefined : departments?.get(id);
  return department ? departmentName(department, language) : fallback;
}
