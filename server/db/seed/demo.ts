import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { CommandContext } from "../../commands/context.ts";
import { createGrid } from "../../commands/grid-creator.ts";
import { createUser } from "../../commands/user-creator.ts";
import { type Db, rows } from "../client.ts";
import type { GeoJsonMultiPolygon } from "../schema/geometry.ts";
import type { GridKind } from "../schema/grids.ts";
import { departments } from "../schema/index.ts";
import { seedDemoCases } from "./demo-cases.ts";
import { seedDemoEvidence } from "./demo-evidence.ts";
import { seedDemoObjects } from "./demo-objects.ts";
import { seedDemoPatrols } from "./demo-patrols.ts";
import { demoSitePhotos } from "./demo-photos.ts";
import { DEMO_USERS } from "./demo-users.ts";
import { seedDemoWuding } from "./demo-wuding.ts";
import { DEPARTMENTS } from "./departments.ts";

const GRIDS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "gaochang-grids.geojson");

interface GridFeature {
  properties: {
    code: string;
    name: string;
    nameUg?: string;
    nameEn: string;
    level: number;
    kind: GridKind;
    parentCode: string | null;
  };
  geometry: GeoJsonMultiPolygon;
}

export async function hasAnyGrid(db: Db): Promise<boolean> {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from grids`);
  return row.n > 0;
}

/** Seeds the Gaochang demo: grid tree, departments, and one account per role, all audited as "system". */
export async function seedDemo(
  db: Db,
  options: { password: string; uploadDir: string; ip?: string; now?: Date; caseCount?: number },
): Promise<{ grids: number; users: number; objects: number; patrols: number; cases: number }> {
  if (await hasAnyGrid(db))
    throw new Error("the database already has grids; demo data goes into an empty database only");
  const ctx: CommandContext = { db, actor: null, ip: options.ip ?? null };

  await db.insert(departments).values(DEPARTMENTS.map((d, i) => ({ ...d, sortOrder: i + 1 })));
  const departmentIds = new Map(
    (await db.select({ id: departments.id, code: departments.code }).from(departments)).map((d) => [
      d.code,
      d.id,
    ]),
  );

  const features = (JSON.parse(fs.readFileSync(GRIDS_FILE, "utf8")) as { features: GridFeature[] }).features;
  const idByCode = new Map<string, number>();
  const idByName = new Map<string, number>();
  for (const f of [...features].sort((a, b) => a.properties.level - b.properties.level)) {
    const p = f.properties;
    const parentId = p.parentCode ? idByCode.get(p.parentCode) : null;
    if (parentId === undefined) throw new Error(`grid ${p.code} names unknown parent ${p.parentCode}`);
    const created = await createGrid(ctx, {
      parentId,
      code: p.code,
      name: p.name,
      nameUg: p.nameUg ?? null,
      nameEn: p.nameEn,
      kind: p.kind,
      boundary: f.geometry,
    });
    idByCode.set(p.code, created.id);
    if (!idByName.has(p.name)) idByName.set(p.name, created.id);
  }

  for (const u of DEMO_USERS) {
    const gridId = u.gridName ? idByName.get(u.gridName) : null;
    const departmentId = u.departmentCode ? departmentIds.get(u.departmentCode) : null;
    if (gridId === undefined || departmentId === undefined)
      throw new Error(`demo user ${u.username}: unknown grid or department`);
    await createUser(ctx, {
      username: u.username,
      displayName: u.displayName,
      phone: u.phone,
      password: options.password,
      roles: [{ role: u.role, gridId, departmentId }],
    });
  }
  const wuding = await seedDemoWuding(ctx, { password: options.password, departmentIds });
  const objects = await seedDemoObjects(ctx);
  // one set of stand-in site photos for the check-ins and the case evidence
  const photos = await demoSitePhotos(8);
  const patrols = await seedDemoPatrols(ctx, photos);
  // cases last: their notifications reach the 五定 staff accounts too
  const seeded = await seedDemoCases(db, { now: options.now, count: options.caseCount });
  await seedDemoEvidence(db, options.uploadDir, photos);
  return {
    grids: features.length,
    users: DEMO_USERS.length + wuding.accounts,
    objects,
    patrols: patrols.patrols,
    cases: seeded.cases,
  };
}
