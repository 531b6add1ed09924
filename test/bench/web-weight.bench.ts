import fs from "node:fs";
import path from "node:path";
import { emit } from "./bench-db.ts";

const BUDGET = 300 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * The JavaScript files a first visit to a route downloads, from the build's import graph
 * (dist/.vite/manifest.json): the entry and its static imports, plus the route's lazily loaded scene chunk and
 * its static imports. Other lazy chunks (the desktop layout, other scenes) are not fetched on that route.
 */
export function routeFiles(manifest: Manifest, sceneSource: string): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error("the manifest has no entry");
  if (!manifest[sceneSource]) throw new Error(`the manifest has no chunk for ${sceneSource}`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) visit(dep);
  };
  visit(entry);
  visit(sceneSource);
  return [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith(".js"));
}

/** JavaScript a phone downloads on its first visit to the login page, the field app and the tracking page, as served. */
export function webWeightBench(distDir = path.resolve("web/dist")): void {
  const manifestPath = path.join(distDir, ".vite", "manifest.json");
  if (!fs.existsSync(manifestPath))
    throw new Error(`${manifestPath} is missing: build the web app (npm run build, build.manifest is on)`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as Manifest;
  // the bytes the server sends: the build's precompressed sibling (web/vite.config.ts), or the file itself
  // when the build left it plain (under 1 KiB)
  const servedBytes = (files: string[], encoding: "gz" | "br") =>
    files.reduce((sum, f) => {
      const file = path.join(distDir, f);
      const sibling = `${file}.${encoding}`;
      return sum + fs.statSync(fs.existsSync(sibling) ? sibling : file).size;
    }, 0);
  const routes = [
    { name: "web.first_load_js_gzip", route: "/login", scene: "src/scenes/Login/LoginScene.tsx" },
    { name: "web.field_first_load_js_gzip", route: "/field", scene: "src/scenes/Field/FieldScene.tsx" },
    // the public tracking page: what a resident opens from a text message on a cheap phone
    { name: "web.track_first_load_js_gzip", route: "/track", scene: "src/scenes/Track/TrackScene.tsx" },
  ];
  for (const { name, route, scene } of routes) {
    const files = routeFiles(manifest, scene);
    const gzipBytes = servedBytes(files, "gz");
    emit({
      name,
      value: gzipBytes,
      unit: "bytes",
      baseline: BUDGET,
      ratio: Math.round((gzipBytes / BUDGET) * 100) / 100,
      target: "value <= 300 KB (ratio <= 1)",
      note: `${files.length} script files on a first visit to ${route}: the entry, the route's scene chunk and their static imports, as the server sends them to a browser accepting gzip (brotli: ${servedBytes(files, "br")} bytes)`,
    });
  }
}
