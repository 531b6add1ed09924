import { actorOf } from "../../plugins/auth.ts";
import { assertAllowed } from "../../policies/allow.ts";
import { getGrid, gridFeatures, listGrids } from "../../queries/grids.ts";
import type { App, RouteDeps } from "../types.ts";
import { getGridSchema, gridGeojsonSchema, listGridsSchema } from "./schema.ts";

export function gridRoutes(app: App, { database }: RouteDeps): void {
  app.get("/api/grids", { schema: listGridsSchema }, async (request) => {
    const actor = actorOf(request);
    assertAllowed(actor, "grid.read");
    const items = await listGrids(database.db, actor.scope, request.query);
    return { items, total: items.length };
  });

  app.get("/api/grids/geojson", { schema: gridGeojsonSchema }, async (request, reply) => {
    const actor = actorOf(request);
    assertAllowed(actor, "grid.read");
    const doc = await gridFeatures(database.db, actor.scope, request.query);
    return reply.type("application/geo+json; charset=utf-8").send(doc);
  });

  app.get("/api/grids/:id", { schema: getGridSchema }, async (request) => {
    const actor = actorOf(request);
    assertAllowed(actor, "grid.read");
    return getGrid(database.db, actor.scope, request.params.id);
  });
}
