import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { emit } from "./bench-db.ts";

/**
 * JavaScript a phone downloads on its first visit: the entry chunk and everything it imports statically
 * (modulepreload links in index.html), gzip-compressed as the server would send it.
 */
export function webWeightBench(distDir = path.resolve("web/dist")): void {
  const index = fs.readFileSync(path.join(distDir, "index.html"), "utf8");
  const scripts = [...index.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const files = [...new Set(scripts)];
  const gzipBytes = files.reduce(
    (sum, f) => sum + gzipSync(fs.readFileSync(path.join(distDir, f))).length,
    0,
  );
  emit({
    name: "web.first_load_js_gzip",
    value: gzipBytes,
    unit: "bytes",
    baseline: 300 * 1024,
    ratio: Math.round((gzipBytes / (300 * 1024)) * 100) / 100,
    target: "value <= 300 KB (ratio <= 1)",
    note: `${files.length} script files referenced by index.html (the login route; the map loads more on demand)`,
  });
}
