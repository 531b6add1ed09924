import { asc } from "drizzle-orm";
import type { Department } from "../../../api-types/departments.ts";
import { departments } from "../../db/schema/index.ts";
import type { App, RouteDeps } from "../types.ts";
import { listDepartmentsSchema } from "./schema.ts";

export function departmentRoutes(app: App, { database }: RouteDeps): void {
  app.get(
    "/api/departments",
    { config: { permission: "department.read" }, schema: listDepartmentsSchema },
    async (_request): Promise<{ items: Department[] }> => {
      const items = await database.db
        .select({
          id: departments.id,
          code: departments.code,
          name: departments.name,
          nameUg: departments.nameUg,
          nameEn: departments.nameEn,
          kind: departments.kind,
        })
        .from(departments)
        .orderBy(asc(departments.sortOrder));
      return { items };
    },
  );
}
