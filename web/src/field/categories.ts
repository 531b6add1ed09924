import { request } from "../api/client";

export interface FieldCategory {
  code: string;
  name: string;
}

const CACHE = "envgrid-field-categories";

/** The matter categories for "report a problem"; the last list fetched is kept for offline use. */
export async function fetchCategories(): Promise<FieldCategory[]> {
  try {
    const meta = await request<{ categories: FieldCategory[] }>("GET", "/api/case-meta");
    const list = meta.categories.map(({ code, name }) => ({ code, name }));
    localStorage.setItem(CACHE, JSON.stringify(list));
    return list;
  } catch {
    const cached = localStorage.getItem(CACHE);
    return cached ? (JSON.parse(cached) as FieldCategory[]) : [];
  }
}
