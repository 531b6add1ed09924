import { asc } from "drizzle-orm";
import { departments } from "../../db/schema/index.ts";
import type { App, RouteDeps } from "../types.ts";

export function departmentRoutes(app: App, { database }: RouteDeps): void {
  app.get(
    "/api/departments",
    {
      config: { permission: "department.read" },
      schema: { tags: ["departments"], summary: "部门与监督机构" },
    },
    async (_request) => {
      const items = await database.db
        .select({
          id: departments.id,
          code: departments.code,
          name: departments.name,
          kind: departments.kind,
        })
        .from(departments)
        .orderBy(asc(departments.sortOrder));
      return { items };
    },
  );
}
