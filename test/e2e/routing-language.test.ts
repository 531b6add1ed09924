import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { rows } from "../../server/db/client.ts";
import { enDomain } from "../../web/src/i18n/domain/en.ts";
import { ugDomain } from "../../web/src/i18n/domain/ug.ts";
import {
  describeInBrowser,
  explainSkippedBrowserTests,
  screenshot,
  signedInPage,
} from "../support/browser.ts";
import { photo } from "../support/cases.ts";
import { DEMO_PASSWORD } from "../support/test-app.ts";

const REASON = "实为工地出口扬尘";

interface Department {
  id: number;
  name: string;
  nameEn: string;
  nameUg: string;
}

// A case's routing explanation is stored in Chinese with a code and parameters; the case page words it in the
// reader's language (grids and departments by their names in the app's lists), and shows the stored Chinese of
// a routing recorded without a code.
describeInBrowser("routing explanations in the reader's language", (e2e) => {
  let page: Page;
  let rerouted: { id: number; explanation: string };
  let old: { id: number; explanation: string };
  let housing: Department;
  let urban: Department;
  let villageUg: string | null;
  let villagePoint: { lng: number; lat: number };

  beforeAll(async () => {
    const db = e2e.server.testDb.database.db;
    const [village] = await rows<{ lng: number; lat: number; nameUg: string | null }>(
      db,
      sql`select ST_X(ST_PointOnSurface(boundary)) as lng, ST_Y(ST_PointOnSurface(boundary)) as lat,
                 name_ug as "nameUg"
            from grids where name = '亚尔村' order by level desc limit 1`,
    );
    villageUg = village.nameUg;
    villagePoint = { lng: village.lng, lat: village.lat };
    [housing, urban] = await rows<Department>(
      db,
      sql`select id, name, name_en as "nameEn", name_ug as "nameUg" from departments
           where code in ('housing', 'urban') order by code`,
    );

    // a member files two road-dust reports (the city management bureau leads); the office reroutes the first
    const member = await e2e.browser.newContext();
    const office = await e2e.browser.newContext();
    for (const [context, username] of [
      [member, "member"],
      [office, "office"],
    ] as const) {
      const login = await context.request.post(`${e2e.server.url}/api/auth/login`, {
        data: { username, password: DEMO_PASSWORD },
      });
      expect(login.status()).toBe(200);
    }
    let filings = 0;
    const file = async (title: string) => {
      const filed = await member.request.post(`${e2e.server.url}/api/cases`, {
        headers: { "idempotency-key": `routing-language-${Date.now()}-${++filings}` },
        data: {
          source: "patrol_finding",
          title,
          description: "道路积尘，车辆经过扬尘明显",
          category: "road_dust",
          location: { lng: village.lng, lat: village.lat },
        },
      });
      expect(filed.status()).toBe(201);
      return (await filed.json()).id as number;
    };
    const reroutedId = await file("道路扬尘改派");
    const answer = await office.request.post(`${e2e.server.url}/api/cases/${reroutedId}/routing`, {
      data: { version: 1, reason: REASON, departmentIds: [housing.id, urban.id] },
    });
    expect(answer.status()).toBe(200);
    rerouted = { id: reroutedId, explanation: (await answer.json()).routing.explanation };

    // a routing recorded before explanations had codes
    const oldId = await file("旧分派说明");
    [old] = await rows<{ id: number; explanation: string }>(
      db,
      sql`update cases set routing = routing - 'explanationCode' - 'explanationParams' where id = ${oldId}
          returning id, routing->>'explanation' as explanation`,
    );
    await member.close();
    await office.close();

    page = await signedInPage(e2e, "office", { viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
  });

  const explanation = () => page.locator(".case-routing-explanation").textContent();
  const overrideEntry = () => page.locator('.case-timeline [data-kind="routing_override"]').textContent();

  async function switchTo(endonym: string) {
    await page.locator(".language-switcher").click();
    await page.locator(".ant-dropdown-menu-item", { hasText: endonym }).click();
    await page.locator(".ant-dropdown").waitFor({ state: "hidden" });
  }

  it("words a rerouted case's explanation in Chinese as stored, then in English and Uyghur", async () => {
    await page.goto(`${e2e.server.url}/cases/${rerouted.id}`);
    await expect.poll(explanation, { timeout: 15_000 }).toBe(rerouted.explanation);
    expect(await overrideEntry()).toContain(rerouted.explanation);

    await switchTo("English");
    await expect.poll(explanation).toContain(`changed the routing by hand (reason: ${REASON})`);
    const english = (await explanation()) ?? "";
    // departments and the category by their English names, the original routing worded too
    expect(english).toContain(
      `${housing.nameEn} leads, assisted by ${urban.nameEn}. Originally: The location (`,
    );
    expect(english).toContain(`“${enDomain.categories.road_dust}”, ${urban.nameEn} leads.`);
    expect(english).not.toMatch(/人工调整|主办|责任清单|原分派|位置/);
    expect(await overrideEntry()).toContain(english);
    await screenshot(page, "routing-explanation-en");

    await switchTo("ئۇيغۇرچە");
    await expect.poll(explanation).toContain(`(سەۋەبى: ${REASON})`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    const uyghur = (await explanation()) ?? "";
    expect(uyghur).toContain(housing.nameUg);
    expect(uyghur).toContain(urban.nameUg);
    expect(uyghur).toContain(`«${ugDomain.categories.road_dust}»`);
    // the village is named from the grid tree, in Uyghur where the tree has its Uyghur name
    if (villageUg) expect(uyghur).toContain(villageUg);
    expect(uyghur).not.toMatch(/人工调整|主办|责任清单|原分派|位置/);
    await screenshot(page, "routing-explanation-ug");
  });

  it("shows a routing stored without a code as it was stored, in any language", async () => {
    await page.goto(`${e2e.server.url}/cases/${old.id}`);
    await expect.poll(explanation, { timeout: 15_000 }).toBe(old.explanation);
    await switchTo("English");
    await expect.poll(() => page.locator(".case-detail").textContent()).toContain("Why it went here");
    expect(await explanation()).toBe(old.explanation);
    await switchTo("中文");
    await expect.poll(() => page.locator(".case-detail").textContent()).toContain("分派依据");
    expect(await explanation()).toBe(old.explanation);
  });

  it("names an actor that is not a user (the deadline system) in the reader's language", async () => {
    await rows(
      e2e.server.testDb.database.db,
      sql`insert into case_events (case_id, kind, actor_id, at, version, data)
          values (${old.id}, 'escalated', null, now(), 1,
                  '{"level": 1, "unit": "grid", "actorLabel": "督查督办（系统）", "actorKind": "system"}'::jsonb)`,
    );
    const escalation = () => page.locator('.case-timeline [data-kind="escalated"]').textContent();
    await page.goto(`${e2e.server.url}/cases/${old.id}`);
    await switchTo("English");
    await expect.poll(escalation, { timeout: 15_000 }).toContain("Supervision (system)");
    expect(await escalation()).not.toContain("督查督办");
    await switchTo("中文");
    await expect.poll(escalation).toContain("督查督办（系统）");
  });

  it("names seeded staff by their unit, and a resident's upload as the reporter's, in the reader's language", async () => {
    const db = e2e.server.testDb.database.db;
    // a step of the demo's history by a department's staff without an account
    const [seeded] = await rows<{ caseId: number; label: string; nameEn: string }>(
      db,
      sql`select e.case_id::int as "caseId", e.data->>'actorLabel' as label, d.name_en as "nameEn"
            from case_events e join departments d on d.id = (e.data->>'actorDepartmentId')::int
           where e.data->>'actorKind' = 'department_staff' and d.name_en is not null
           order by e.id limit 1`,
    );
    // a resident's report with a photo of their own
    const resident = await e2e.browser.newContext();
    const login = await resident.request.post(`${e2e.server.url}/api/auth/login`, {
      data: { username: "resident", password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const filed = await resident.request.post(`${e2e.server.url}/api/cases`, {
      headers: { "idempotency-key": `routing-language-resident-${Date.now()}` },
      data: {
        source: "public_report",
        title: "河边有人倾倒垃圾",
        description: "河边堆了很多生活垃圾",
        category: "rural_sewage_garbage",
        location: villagePoint,
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const caseId = (await filed.json()).id as number;
    const uploaded = await resident.request.post(`${e2e.server.url}/api/cases/${caseId}/evidence`, {
      multipart: { file: { name: "photo.jpg", mimeType: "image/jpeg", buffer: await photo() } },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
    await resident.close();

    const timeline = () => page.locator(".case-timeline").textContent();
    await page.goto(`${e2e.server.url}/cases/${seeded.caseId}`);
    await expect.poll(timeline, { timeout: 15_000 }).toContain(seeded.label);
    await switchTo("English");
    await expect.poll(timeline).toContain(`${seeded.nameEn} staff`);
    expect(await timeline()).not.toContain(seeded.label);

    const uploader = () => page.locator(".case-evidence-uploader").first().textContent();
    await page.goto(`${e2e.server.url}/cases/${caseId}`);
    await expect.poll(uploader, { timeout: 15_000 }).toBe("Uploaded by: Reporter");
    await switchTo("中文");
    await expect.poll(uploader).toBe("上传人：举报人");
  });
});

explainSkippedBrowserTests("routing explanations in the reader's language");
