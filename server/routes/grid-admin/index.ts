import { importGridBoundaries } from "../../commands/grid-boundary-importer.ts";
import { createGrid } from "../../commands/grid-creator.ts";
import { moveGrid } from "../../commands/grid-mover.ts";
import { retireGrid } from "../../commands/grid-retirer.ts";
import { updateGrid } from "../../commands/grid-updater.ts";
import { actorOf } from "../../plugins/auth.ts";
import { assertAllowed } from "../../policies/allow.ts";
import { exportGrids, gridHistory } from "../../queries/grid-admin.ts";
import { gridCoverage } from "../../queries/grid-coverage.ts";
import type { App, RouteDeps } from "../types.ts";
import {
  createGridSchema,
  exportGridsSchema,
  gridCoverageSchema,
  gridHistorySchema,
  importGridsSchema,
  moveGridSchema,
  retireGridSchema,
  updateGridSchema,
} from "./schema.ts";

/** A whole district's boundaries are a few megabytes of GeoJSON; other requests keep the app's 1 MB limit. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

/** Grid administration (create, edit, move, retire, import, export) and coverage analysis. */
export function gridAdminRoutes(app: App, { database }: RouteDeps): void {
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({
    db: database.db,
    actor: actorOf(request),
    ip: request.ip,
  });

  app.post("/api/grids", { schema: createGridSchema }, async (request, reply) => {
    const created = await createGrid(ctx(request), {
      ...request.body,
      boundary: request.body.boundary ?? null,
    });
    return reply.status(201).send(created);
  });

  app.patch("/api/grids/:id", { schema: updateGridSchema }, async (request) =>
    updateGrid(ctx(request), request.params.id, request.body),
  );

  app.post("/api/grids/:id/move", { schema: moveGridSchema }, async (request) =>
    moveGrid(ctx(request), request.params.id, request.body),
  );

  app.post("/api/grids/:id/retire", { schema: retireGridSchema }, async (request) =>
    retireGrid(ctx(request), request.params.id, request.body),
  );

  app.get("/api/grids/:id/history", { schema: gridHistorySchema }, async (request) => {
    const actor = actorOf(request);
    assertAllowed(actor, "grid.read");
    return { items: await gridHistory(database.db, actor.scope, request.params.id) };
  });

  app.get("/api/grids/:id/coverage", { schema: gridCoverageSchema }, async (request) => {
    const actor = actorOf(request);
    assertAllowed(actor, "grid.read");
    return gridCoverage(database.db, actor.scope, request.params.id);
  });

  app.post(
    "/api/grids/import",
    { schema: importGridsSchema, bodyLimit: IMPORT_BODY_LIMIT },
    async (request) => importGridBoundaries(ctx(request), request.body),
  );

  app.get("/api/grids/export", { schema: exportGridsSchema }, async (request, reply) => {
    const actor = actorOf(request);
    assertAllowed(actor, "grid.read");
    const doc = await exportGrids(database.db, actor.scope, request.query);
    const day = new Date().toISOString().slice(0, 10).replaceAll("-", "");
    return reply
      .type("application/geo+json; charset=utf-8")
      .header("content-disposition", `attachment; filename="grids-${day}.geojson"`)
      .send(doc);
  });
}
