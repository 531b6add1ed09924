import type { App } from "../../server/routes/types.ts";
import { type Latency, measure } from "./latency.ts";

/** A realistic working list: open cases of one category, second page, newest first. */
export const CASE_LIST_QUERY = "/api/cases?open=true&category=industrial_air&page=2&pageSize=20";

/** The same filtered, paginated list as a township officer (their subtree) and as the district office (all). */
export async function caseListLatencies(
  app: App,
  cookies: { township: string; office: string },
  runs: number,
): Promise<{ scoped: Latency; unscoped: Latency }> {
  const list = (cookie: string) => async () => {
    const r = await app.inject({ method: "GET", url: CASE_LIST_QUERY, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`case list answered ${r.statusCode}: ${r.body}`);
  };
  const scoped = await measure(list(cookies.township), runs);
  const unscoped = await measure(list(cookies.office), runs);
  return { scoped, unscoped };
}
