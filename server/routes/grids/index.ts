import { actorOf } from "../../plugins/auth.ts";
import { getGrid, gridFeatures, listGrids } from "../../queries/grids.ts";
import type { App, RouteDeps } from "../types.ts";
import { getGridSchema, gridGeojsonSchema, listGridsSchema } from "./schema.ts";

export function gridRoutes(app: App, { database }: RouteDeps): void {
  const config = { permission: "grid.read" } as const;

  app.get("/api/grids", { config, schema: listGridsSchema }, async (request) => {
    const items = await listGrids(database.db, actorOf(request).scope, request.query);
    return { items, total: items.length };
  });

  app.get("/api/grids/geojson", { config, schema: gridGeojsonSchema }, async (request, reply) => {
    const doc = await gridFeatures(database.db, actorOf(request).scope, request.query);
    return reply.type("application/geo+json; charset=utf-8").send(doc);
  });

  app.get("/api/grids/:id", { config, schema: getGridSchema }, async (request) => {
    return getGrid(database.db, actorOf(request).scope, request.params.id);
  });
}
