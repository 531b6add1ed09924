import { importGridBoundaries } from "../../commands/grid-boundary-importer.ts";
import { createGrid } from "../../commands/grid-creator.ts";
import { moveGrid } from "../../commands/grid-mover.ts";
import { retireGrid } from "../../commands/grid-retirer.ts";
import { updateGrid } from "../../commands/grid-updater.ts";
import type { Db } from "../../db/client.ts";
import { actorOf } from "../../plugins/auth.ts";
import { exportGrids, gridHistory } from "../../queries/grid-admin.ts";
import { gridCoverage } from "../../queries/grid-coverage.ts";
import { answerOnce } from "../answer-once.ts";
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
export function gridAdminRoutes(app: App, { database, config }: RouteDeps): void {
  const manage = { permission: "grid.manage" } as const;
  const read = { permission: "grid.read" } as const;
  const ctx = (request: Parameters<typeof actorOf>[0], db: Db = database.db) => ({
    db,
    actor: actorOf(request),
    ip: request.ip,
  });

  app.post("/api/grids", { config: manage, schema: createGridSchema }, async (request, reply) => {
    const input = { ...request.body, boundary: request.body.boundary ?? null };
    return answerOnce(request, reply, { db: database.db, config }, {}, async (tx) => ({
      status: 201,
      body: await createGrid(ctx(request, tx), input),
    }));
  });

  app.patch("/api/grids/:id", { config: manage, schema: updateGridSchema }, async (request) =>
    updateGrid(ctx(request), request.params.id, request.body),
  );

  app.post("/api/grids/:id/move", { config: manage, schema: moveGridSchema }, async (request) =>
    moveGrid(ctx(request), request.params.id, request.body),
  );

  app.post("/api/grids/:id/retire", { config: manage, schema: retireGridSchema }, async (request) =>
    retireGrid(ctx(request), request.params.id, request.body),
  );

  app.get("/api/grids/:id/history", { config: read, schema: gridHistorySchema }, async (request) => {
    return { items: await gridHistory(database.db, actorOf(request).scope, request.params.id) };
  });

  app.get("/api/grids/:id/coverage", { config: read, schema: gridCoverageSchema }, async (request) => {
    return gridCoverage(database.db, actorOf(request).scope, request.params.id);
  });

  app.post(
    "/api/grids/import",
    { config: manage, schema: importGridsSchema, bodyLimit: IMPORT_BODY_LIMIT },
    async (request) => importGridBoundaries(ctx(request), request.body),
  );

  app.get("/api/grids/export", { config: read, schema: exportGridsSchema }, async (request, reply) => {
    const doc = await exportGrids(database.db, actorOf(request).scope, request.query);
    const day = new Date().toISOString().slice(0, 10).replaceAll("-", "");
    return reply
      .type("application/geo+json; charset=utf-8")
      .header("content-disposition", `attachment; filename="grids-${day}.geojson"`)
      .send(doc);
  });
}
