import { Type } from "@sinclair/typebox";
import { getSettings } from "../../queries/settings.ts";
import type { App, RouteDeps } from "../types.ts";

const PublicConfig = Type.Object({
  appName: Type.String(),
  tileUrl: Type.String(),
  tileAttribution: Type.String(),
  mapCenter: Type.Tuple([Type.Number(), Type.Number()]),
  mapZoom: Type.Integer(),
});

export function configRoutes(app: App, { database }: RouteDeps): void {
  app.get(
    "/api/config/public",
    {
      config: { public: true },
      schema: { tags: ["config"], summary: "前端公开配置", response: { 200: PublicConfig } },
    },
    async () => {
      const settings = await getSettings(database.db);
      return {
        appName: "环境监管网格化管理平台",
        tileUrl: settings.tileUrl,
        tileAttribution: settings.tileAttribution,
        // The district seat of Gaochang; the map fits to the grids anyway once they load.
        mapCenter: [42.95, 89.19] as [number, number],
        mapZoom: 8,
      };
    },
  );
}
