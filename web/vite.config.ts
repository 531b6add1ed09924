import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
// The API server the dev and preview servers forward to; override to work against another instance.
const apiServer = process.env.ENVGRID_API_URL || "http://127.0.0.1:3000";

// Long-lived vendor chunks: they change far less often than the app code, so browsers keep them cached.
const vendorChunks: Array<[string, RegExp]> = [
  ["react", /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/],
  ["leaflet", /node_modules[\\/](leaflet|react-leaflet|@react-leaflet)[\\/]/],
];

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: "dist",
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
