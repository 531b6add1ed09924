import { Type } from "@sinclair/typebox";
import { updateSettings } from "../../commands/settings-updater.ts";
import { actorOf } from "../../plugins/auth.ts";
import { getSettings } from "../../queries/settings.ts";
import { errorResponses } from "../shared-schemas.ts";
import type { App, RouteDeps } from "../types.ts";

const SettingsBody = Type.Object(
  {
    tileUrl: Type.String({ maxLength: 500, pattern: "^(|https?://.*|/.*)$" }),
    tileAttribution: Type.String({ maxLength: 300 }),
    sessionIdleMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
    sessionAbsoluteHours: Type.Integer({ minimum: 1, maximum: 168 }),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export function settingsRoutes(app: App, { database }: RouteDeps): void {
  const config = { permission: "settings.manage" } as const;
  const view = (s: Awaited<ReturnType<typeof getSettings>>) => ({
    tileUrl: s.tileUrl,
    tileAttribution: s.tileAttribution,
    sessionIdleMinutes: s.sessionIdleMinutes,
    sessionAbsoluteHours: s.sessionAbsoluteHours,
    version: s.version,
  });
  app.get(
    "/api/settings",
    { config, schema: { tags: ["settings"], summary: "系统设置（系统管理员）" } },
    async (_request) => {
      return view(await getSettings(database.db, true));
    },
  );
  app.put(
    "/api/settings",
    {
      config,
      schema: {
        tags: ["settings"],
        summary: "修改系统设置",
        body: SettingsBody,
        response: { 200: SettingsBody, ...errorResponses },
      },
    },
    async (request) =>
      view(await updateSettings({ db: database.db, actor: actorOf(request), ip: request.ip }, request.body)),
  );
}
