import fs from "node:fs";
import path from "node:path";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify from "fastify";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { authPlugin } from "./plugins/auth.ts";
import { registerErrorHandling, registerNotFound } from "./plugins/errors.ts";
import { registerInputHygiene } from "./plugins/input-hygiene.ts";
import { registerValidation } from "./plugins/validation.ts";
import { auditRoutes } from "./routes/audit/index.ts";
import { authRoutes } from "./routes/auth/index.ts";
import { caseRoutes } from "./routes/cases/index.ts";
import { configRoutes } from "./routes/config/index.ts";
import { contractRoutes } from "./routes/contracts/index.ts";
import { dashboardRoutes } from "./routes/dashboard/index.ts";
import { departmentRoutes } from "./routes/departments/index.ts";
import { evidenceRoutes } from "./routes/evidence/index.ts";
import { gridAdminRoutes } from "./routes/grid-admin/index.ts";
import { gridRoutes } from "./routes/grids/index.ts";
import { healthRoutes } from "./routes/health/index.ts";
import { meRoutes } from "./routes/me/index.ts";
import { notificationRoutes } from "./routes/notifications/index.ts";
import { IMPORT_MAX_BYTES, objectRoutes } from "./routes/objects/index.ts";
import { patrolRoutes } from "./routes/patrols/index.ts";
import { publicCaseRoutes } from "./routes/public-cases/index.ts";
import { settingsRoutes } from "./routes/settings/index.ts";
import { ErrorBody } from "./routes/shared-schemas.ts";
import { supervisionRoutes } from "./routes/supervision/index.ts";
import type { App, RouteDeps } from "./routes/types.ts";
import { userRoutes } from "./routes/users/index.ts";
import { workCalendarRoutes } from "./routes/work-calendar/index.ts";
import { wudingRoutes } from "./routes/wuding/index.ts";

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: boolean;
  /** The clock deadlines are counted on (tests set it); the wall clock by default. */
  clock?: () => Date;
  /** Where the request log goes when `logger` is on (tests read it); standard output by default. */
  logStream?: NodeJS.WritableStream;
}

/** Builds the HTTP app: external plugins → app plugins → routes → the web app's static files. */
export async function buildApp({
  config,
  database,
  logger = false,
  clock = () => new Date(),
  logStream,
}: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          redact: ["req.headers.cookie", "req.headers.authorization"],
          ...(logStream ? { stream: logStream } : {}),
        }
      : false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  registerValidation(app);
  registerInputHygiene(app);
  app.addSchema(ErrorBody);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd and Leaflet set inline styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Tile servers are configured at run time by the system administrator, so any HTTPS image source
        // is allowed; scripts, frames and connections stay same-origin.
        imgSrc: ["'self'", "data:", "blob:", "https:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only makes sense behind TLS; the proxy or the Secure-cookie setting says we are there.
    hsts: config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Responses of 1 KiB and more go out compressed to clients that accept it (case lists, the grid tree and its
  // GeoJSON shrink 5–10×: what a phone on a desert link waits for). Built web files are compressed once at
  // build time instead (serveWebApp). Requests are never decompressed: no client of ours sends them so, and
  // a compressed body is a way to smuggle a large one past the size checks.
  await app.register(compress, { encodings: ["br", "gzip"], threshold: 1024, globalDecompression: false });
  // Uploads (spreadsheet imports, case evidence): one file per request, refused past the limit before being
  // read whole; each route passes its own, smaller or equal, limit to readSingleUpload (routes/single-upload.ts).
  await app.register(multipart, {
    limits: {
      fileSize: Math.max(IMPORT_MAX_BYTES, config.maxUploadBytes),
      files: 1,
      fields: 10,
      parts: 20,
      fieldSize: 64 * 1024,
    },
  });
  await app.register(rateLimit, { global: true, max: config.apiRateLimitPerMinute, timeWindow: "1 minute" });
  await app.register(swagger, {
    openapi: {
      info: { title: "envgrid API — 环境监管网格化管理平台", version: "0.1.0" },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "envgrid_session" } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });
  await app.register(authPlugin, { db: database.db });

  const deps: RouteDeps = { database, config, now: clock };
  for (const routes of [
    healthRoutes,
    authRoutes,
    meRoutes,
    configRoutes,
    gridRoutes,
    gridAdminRoutes,
    userRoutes,
    departmentRoutes,
    settingsRoutes,
    auditRoutes,
    caseRoutes,
    evidenceRoutes,
    notificationRoutes,
    supervisionRoutes,
    dashboardRoutes,
    workCalendarRoutes,
    publicCaseRoutes,
    objectRoutes,
    wudingRoutes,
    contractRoutes,
    patrolRoutes,
  ]) {
    routes(app, deps);
  }

  const hasWebApp = fs.existsSync(path.join(config.webDistDir, "index.html"));
  if (hasWebApp) await serveWebApp(app, config.webDistDir);
  registerNotFound(app, hasWebApp);
  return app;
}

/**
 * Serves the built web app. Hashed files under /assets never change, so browsers may keep them for a year;
 * index.html is revalidated on every load so a new build is picked up. Files are looked up per request,
 * so rebuilding while the server runs works; client-side routes fall back to index.html (see errors.ts).
 */
async function serveWebApp(app: App, distDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: true,
    // the build's .br / .gz siblings (web/vite.config.ts), for browsers that accept them
    preCompressed: true,
    // "/" is the route below: with preCompressed, @fastify/static's directory index answers 404 to a client
    // that accepts compression (and the service worker's precache of "/" then fails)
    index: false,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  app.get("/", { schema: { hide: true } }, (_request, reply) => reply.sendFile("index.html"));
}
