import { defineConfig } from "vitest/config";

const apiProject = (engine: "pglite" | "postgres") => ({
  test: {
    name: `api-${engine}`,
    include: ["test/api/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    env: { ENVGRID_TEST_ENGINE: engine },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

// API tests run on PGlite always and on PostgreSQL too when DATABASE_URL names a server with PostGIS.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "scripts/**/*.test.ts", "web/src/**/*.test.ts"],
          // the case machine's property test takes ~3 s alone and overran vitest's default 5 s on a busy box
          testTimeout: 30_000,
        },
      },
      apiProject("pglite"),
      ...(process.env.DATABASE_URL ? [apiProject("postgres")] : []),
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts", "test/support/web-build-setup.ts"],
          env: { ENVGRID_TEST_ENGINE: "pglite" },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
