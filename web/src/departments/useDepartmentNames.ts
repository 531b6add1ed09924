import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useDepartments } from "../api/users";
import { useCan } from "../components/MeContext";
import { departmentName, localDepartmentName, type NamedDepartment } from "./departmentName";

export interface DepartmentNames {
  /** Department `id`'s name in the current language; `fallback` (the server's Chinese name) when unknown. */
  name: (id: number | null | undefined, fallback: string) => string;
  /** The name in the current language of a department row that carries its translations (a select's list). */
  label: (department: NamedDepartment) => string;
}

/**
 * Department names in the user's language for answers that carry a department id and its Chinese name. Uses
 * the cached department list (GET /api/departments, one request for the whole app), so no request per row;
 * roles without department.read keep the Chinese names.
 */
export function useDepartmentNames(): DepartmentNames {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const departments = useDepartments(useCan("department.read"));
  const list = departments.data?.items;
  const byId = useMemo(() => (list ? new Map(list.map((d) => [d.id, d])) : undefined), [list]);
  const name = useCallback(
    (id: number | null | undefined, fallback: string) => localDepartmentName(byId, id, fallback, language),
    [byId, language],
  );
  const label = useCallback((d: NamedDepartment) => departmentName(d, language), [language]);
  return useMemo(() => ({ name, label }), [name, label]);
}
