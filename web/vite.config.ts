import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
// The API server the dev and preview servers forward to; override to work against another instance.
const apiServer = process.env.ENVGRID_API_URL || "http://127.0.0.1:3000";

// Long-lived vendor chunks: they change far less often than the app code, so browsers keep them cached.
const vendorChunks: Array<[string, RegExp]> = [
  ["react", /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/],
  ["leaflet", /node_modules[\\/](leaflet|react-leaflet|@react-leaflet)[\\/]/],
];

/**
 * Builds dist/sw.js from web/sw.js with the app shell to precache: the entry chunk, the login and field-app
 * scenes, everything they import statically, and their CSS (docs/patrol.md, "Offline").
 */
function serviceWorker(): Plugin {
  // The language bundles too: they are fetched on demand, and a Uyghur-speaking member may first open the app offline.
  const shellScenes = [
    "scenes/Field/FieldScene",
    "scenes/Login/LoginScene",
    "components/PageLoading",
    "i18n/en",
    "i18n/ug",
  ];
  return {
    name: "envgrid-service-worker",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === "chunk");
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const wanted = new Set<string>();
      const visit = (fileName: string) => {
        if (wanted.has(fileName)) return;
        wanted.add(fileName);
        const chunk = byName.get(fileName);
        if (!chunk) return;
        for (const css of chunk.viteMetadata?.importedCss ?? []) wanted.add(css);
        for (const dep of chunk.imports) visit(dep);
      };
      for (const chunk of chunks) {
        const isShell = chunk.moduleIds.some((id) => shellScenes.some((s) => id.includes(s)));
        if (chunk.isEntry || isShell) visit(chunk.fileName);
      }
      const files = [...wanted].sort().map((f) => `/${f}`);
      const version = createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 12);
      const source = fs
        .readFileSync(new URL("./sw.js", import.meta.url), "utf8")
        .replace("__VERSION__", version)
        .replace("__PRECACHE__", JSON.stringify([...files, "/manifest.webmanifest", "/icon.svg"]));
      this.emitFile({ type: "asset", fileName: "sw.js", source });
    },
  };
}

/**
 * Writes a .br and a .gz copy beside each text file of the build, at the highest levels (once per build, not
 * per request); the server sends them to browsers that accept them (server/app.ts, preCompressed). Files
 * under 1 KiB gain too little to be worth a second request path.
 */
function precompressed(): Plugin {
  let outDir = "";
  const textFile = /\.(js|css|html|svg|json|webmanifest)$/;
  const filesUnder = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      if (e.name.startsWith(".")) return []; // dist/.vite: the build manifest, never served
      const full = path.join(dir, e.name);
      return e.isDirectory() ? filesUnder(full) : [full];
    });
  return {
    name: "envgrid-precompressed",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of filesUnder(outDir)) {
        if (!textFile.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        const quality = { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY };
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: quality }));
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), serviceWorker(), precompressed()],
  build: {
    outDir: "dist",
    // dist/.vite/manifest.json: the import graph the weight bench walks (test/bench/web-weight.bench.ts)
    manifest: true,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: vendorChunks.map(([name, test]) => ({ name, test })),
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": apiServer,
      "/healthz": apiServer,
    },
  },
});
