import { actorOf } from "../../plugins/auth.ts";
import { assertAllowed } from "../../policies/allow.ts";
import { supervisionBoard } from "../../queries/supervision.ts";
import { AnyObject, errorResponses } from "../shared-schemas.ts";
import type { App, RouteDeps } from "../types.ts";

export function supervisionRoutes(app: App, { database, now }: RouteDeps): void {
  app.get(
    "/api/supervision/board",
    {
      config: { permission: "supervision.read" },
      schema: {
        tags: ["supervision"],
        summary: "督查督办看板：临期、逾期、按单位统计",
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      assertAllowed(actor, "supervision.read");
      return supervisionBoard(database.db, actor, now());
    },
  );
}
