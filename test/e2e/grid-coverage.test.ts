import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  screenshot,
  signedInPage,
} from "../support/browser.ts";

describeInBrowser("grid administration and coverage in the browser", (e2e) => {
  it("imports a shrunken village boundary and shows the hole it leaves in its township, with its area", async () => {
    const db = e2e.server.testDb.database.db;
    // The largest village of 亚尔镇, pulled in by about 300 m all round: still inside, but no longer touching
    // its neighbours, so the township now has a ring-shaped gap of known area.
    const [village] = await rows<{ code: string; township: number; shrunk: string; holeKm2: number }>(
      db,
      sql`select v.code, t.id as township,
                 ST_AsGeoJSON(ST_Buffer(v.boundary, -0.003), 7) as shrunk,
                 (ST_Area(v.boundary::geography) - ST_Area(ST_Buffer(v.boundary, -0.003)::geography)) / 1e6 as "holeKm2"
            from grids v join grids t on t.id = v.parent_id
           where t.name = '亚尔镇'
           order by ST_Area(v.boundary) desc limit 1`,
    );
    const file = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { code: village.code }, geometry: JSON.parse(village.shrunk) },
      ],
    };

    const page = await signedInPage(e2e, "office", {
      viewport: { width: 1366, height: 860 },
      landsOn: /\/grids/,
    });

    // Grid administration → 导入 GeoJSON.
    await page.goto(`${e2e.server.url}/admin/grids?grid=${village.township}`);
    await page.getByRole("button", { name: "导入 GeoJSON" }).click();
    // First a bad file: a bow-tie and a point. Both problems are listed in Chinese, and nothing is saved.
    const bad = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { code: village.code },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [89.1, 42.9],
                [89.12, 42.92],
                [89.12, 42.9],
                [89.1, 42.92],
                [89.1, 42.9],
              ],
            ],
          },
        },
        {
          type: "Feature",
          properties: { code: "E2E-P", name: "点", kind: "village" },
          geometry: { type: "Point", coordinates: [89.1, 42.9] },
        },
      ],
    };
    await page.locator(".grid-import input[type=file]").setInputFiles({
      name: "bad.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await page.getByText("已选择文件：bad.geojson（2 个要素）").waitFor();
    await page.getByRole("button", { name: "开始导入" }).click();
    await page.locator(".grid-import-error").waitFor();
    const problems = (await page.locator(".grid-import-error li").allTextContents()).join("\n");
    expect(problems).toContain(`第 1 个要素（编码 ${village.code}）：边界多边形无效：自相交`);
    expect(problems).toContain("（位置 89.11 42.91）");
    expect(problems).toContain(
      "第 2 个要素（编码 E2E-P）：边界多边形无效：几何类型为 Point，只接受 Polygon 或 MultiPolygon",
    );
    await screenshot(page, "grid-admin-import-refused");
    const [unchanged] = await rows<{ version: number }>(
      db,
      sql`select version from grids where code = ${village.code}`,
    );
    expect(unchanged.version).toBe(1);

    await page.locator(".grid-import input[type=file]").setInputFiles({
      name: "shrunk-village.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.getByText("已选择文件：shrunk-village.geojson（1 个要素）").waitFor();
    await page.getByRole("button", { name: "开始导入" }).click();
    await page.getByText("导入完成：新建 0 个，更新 1 个，未变 0 个").waitFor();
    await screenshot(page, "grid-admin-after-import");

    // The township on the grid map, coverage view on.
    await page.goto(`${e2e.server.url}/grids?grid=${village.township}&coverage=1`);
    await page.waitForFunction(() => document.querySelectorAll("path.coverage-gap").length >= 1, null, {
      timeout: 30_000,
    });
    expect(await page.locator("path.coverage-gap").count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator("path.coverage-overlap").count()).toBe(0);
    const shown = Number(
      ((await page.getByTestId("coverage-gap-area").textContent()) ?? "").replaceAll(",", ""),
    );
    expect(Math.abs(shown - village.holeKm2)).toBeLessThanOrEqual(village.holeKm2 * 0.005);
    expect(shown).toBeGreaterThan(0.1);
    const ratio = await page.getByTestId("coverage-ratio").textContent();
    expect(ratio).not.toBe("100%");
    await page.getByText("空白：没有下级网格覆盖").waitFor();
    await screenshot(page, "grid-coverage-gap");
    await page.close();
  });
  it("asks before moving a village to another township, then says how many cases went with it", async () => {
    const db = e2e.server.testDb.database.db;
    const [village] = await rows<{ id: number; name: string; cases: number }>(
      db,
      sql`select v.id, v.name, count(c.id)::int as cases
            from grids v join grids t on t.id = v.parent_id join cases c on c.grid_id = v.id
           where t.name = '亚尔镇' and v.name <> '亚尔村'
           group by v.id order by count(c.id), v.id limit 1`,
    );
    const pathOf = async () =>
      (await rows<{ path: string }>(db, sql`select path from grids where id = ${village.id}`))[0].path;
    const before = await pathOf();
    const page = await signedInPage(e2e, "office", {
      viewport: { width: 1366, height: 860 },
      landsOn: /\/grids/,
    });
    await page.goto(`${e2e.server.url}/admin/grids?grid=${village.id}`);
    await page.locator(".grid-move-parent").click();
    await page.locator(".grid-move-parent input").fill("胜金乡");
    await page.locator(".ant-select-tree-node-content-wrapper", { hasText: /^胜金乡$/ }).click();
    // the tree's dropdown fades out over the move card: wait until it is gone before pressing anything below it
    await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
    await page
      .getByRole("button", { name: "移 动" })
      .or(page.getByRole("button", { name: "移动" }))
      .click();
    const confirm = page.locator(".ant-popconfirm");
    await confirm.getByText(`确定把“${village.name}”连同其下级网格移到“胜金乡”之下`).waitFor();
    await screenshot(page, "grid-move-confirm");
    // cancelling moves nothing
    await confirm.getByRole("button", { name: /取\s?消/ }).click();
    await confirm.waitFor({ state: "hidden" });
    expect(await pathOf()).toBe(before);

    await page
      .getByRole("button", { name: "移 动" })
      .or(page.getByRole("button", { name: "移动" }))
      .click();
    await confirm.getByText(`确定把“${village.name}”连同其下级网格移到“胜金乡”之下`).waitFor();
    await confirm.getByRole("button", { name: /确\s?定/ }).click();
    await page.getByText(`已移动：改写 1 个网格，${village.cases} 件案件随之移交`).waitFor();
    expect(await pathOf()).not.toBe(before);
    const [{ stale }] = await rows<{ stale: number }>(
      db,
      sql`select count(*)::int as stale from cases where grid_id = ${village.id} and grid_path <> ${await pathOf()}`,
    );
    expect(stale).toBe(0);
    await page.close();
  });
});

explainSkippedBrowserTests("grid administration and coverage in the browser");
