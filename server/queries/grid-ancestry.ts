import { type SQL, sql } from "drizzle-orm";

/**
 * The grid ids on a materialised path ('/1/4/27/' → {1,4,27}: the grid and its ancestors) as an int[]
 * expression, so ancestors are found by primary key instead of matching every grid's path with LIKE.
 */
export function pathGridIds(path: SQL): SQL {
  return sql`string_to_array(trim(both '/' from ${path}), '/')::int[]`;
}

/** The names of a grid's ancestors, root first, as a JSON array expression. */
export function ancestorNamesJson(grid: { id: SQL; path: SQL }): SQL {
  return sql`coalesce((select json_agg(a.name order by a.level) from grids a
                        where a.id = any(${pathGridIds(grid.path)}) and a.id <> ${grid.id}), '[]'::json)`;
}
