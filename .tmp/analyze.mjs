import { build } from "vite";
const wanted = new Set(process.argv.slice(2));
await build({
  configFile: "web/vite.config.ts",
  logLevel: "silent",
  build: { write: false },
  plugins: [{
    name: "dump",
    generateBundle(_o, bundle) {
      for (const c of Object.values(bundle)) {
        if (c.type !== "chunk") continue;
        if (![...wanted].some((w) => c.fileName.includes(w))) continue;
        const mods = Object.entries(c.modules).map(([id, m]) => [m.renderedLength, id.replace(/.*node_modules\//, "nm:")]).sort((a, b) => b[0] - a[0]);
        console.log("==", c.fileName, c.code.length);
        for (const [n, id] of mods.slice(0, 25)) console.log(String(n).padStart(8), id);
      }
    },
  }],
});
