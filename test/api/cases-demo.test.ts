import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASE_STAGES } from "../../server/domain/cases/case-state.ts";
import { caseApi } from "../support/cases.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
let api: ReturnType<typeof caseApi>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ["office", "township", "dept", "member", "supervisor"]) cookies[u] = await t.login(u);
  api = caseApi(t, cookies);
});
afterAll(() => t?.close());

describe("the demo cases", () => {
  it("span about two years, every source, stage, category and village, with transfers, joint work and rework", async () => {
    const [s] = await t.query<{
      n: number;
      days: number;
      sources: number;
      stages: number;
      grids: number;
      categories: number;
      overdue: number;
      transferred: number;
      returned: number;
      joint: number;
      reworked: number;
      extended: number;
      confidential: number;
      petitionChannels: number;
    }>(
      sql`select count(*)::int as n, extract(day from max(reported_at) - min(reported_at))::int as days,
                 count(distinct source)::int as sources, count(distinct stage)::int as stages,
                 count(distinct grid_id)::int as grids, count(distinct category)::int as categories,
                 count(*) filter (where deadline_due_at < now())::int as overdue,
                 count(*) filter (where handler_kind = 'department')::int as transferred,
                 count(*) filter (where transfer_return_count > 0)::int as returned,
                 count(*) filter (where handler_kind = 'joint')::int as joint,
                 count(*) filter (where rework_count > 0)::int as reworked,
                 count(*) filter (where extensions_granted > 0)::int as extended,
                 count(*) filter (where reporter_contact_enc is not null)::int as confidential,
                 count(distinct petition_channel)::int as "petitionChannels"
            from cases`,
    );
    expect(s.n).toBeGreaterThan(1000);
    expect(s.days).toBeGreaterThan(700);
    expect(s.sources).toBe(6);
    expect(s.stages).toBe(CASE_STAGES.length);
    expect(s.grids).toBe(92);
    expect(s.categories).toBe(24);
    expect(s.petitionChannels).toBe(4);
    for (const k of [
      "overdue",
      "transferred",
      "returned",
      "joint",
      "reworked",
      "extended",
      "confidential",
    ] as const)
      expect(s[k], k).toBeGreaterThan(5);
  });

  it("links some patrol findings to the patrol and object they came from, in the case's own village", async () => {
    const [s] = await t.query<{ linked: number; objects: number; misplaced: number; notFindings: number }>(
      sql`select count(*)::int as linked, count(distinct c.object_id)::int as objects,
                 count(*) filter (where p.grid_id <> c.grid_id or p.started_at > c.reported_at)::int as misplaced,
                 count(*) filter (where c.source <> 'patrol_finding')::int as "notFindings"
            from cases c join patrols p on p.id = c.patrol_id`,
    );
    expect(s.linked).toBeGreaterThan(5);
    expect(s.objects).toBeGreaterThan(3);
    expect(s.misplaced).toBe(0);
    expect(s.notFindings).toBe(0);
  });

  it("has a timeline that agrees with every case's version, as if the API had written it", async () => {
    const [bad] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from cases c
           where c.version <> 1 + (select count(*) from case_events e where e.case_id = c.id and e.kind = 'transition')`,
    );
    expect(bad.n).toBe(0);
    const [noCreated] = await t.query<{ n: number }>(
      sql`select count(*)::int as n from cases c
           where not exists (select 1 from case_events e where e.case_id = c.id and e.kind = 'created')`,
    );
    expect(noCreated.n).toBe(0);
  });

  it("names staff without an account by kind and unit, for the reader's language, and keeps the Chinese label", async () => {
    // every seeded step by someone without an account says who it was, not only in Chinese
    const [{ unkinded }] = await t.query<{ unkinded: number }>(
      sql`select count(*)::int as unkinded from case_events
           where actor_id is null and data ? 'actorLabel' and not data ? 'actorKind'`,
    );
    expect(unkinded).toBe(0);
    const units = { grid_staff: "grids", grid_member: "grids", department_staff: "departments" } as const;
    for (const [kind, table] of Object.entries(units)) {
      const [e] = await t.query<{ caseId: number; id: number; label: string; unitName: string }>(
        sql`select e.case_id::int as "caseId", e.id::int as id, e.data->>'actorLabel' as label, u.name as "unitName"
              from case_events e
              join ${sql.raw(table)} u
                on u.id = (e.data->>${kind === "department_staff" ? "actorDepartmentId" : "actorGridId"})::int
             where e.actor_id is null and e.data->>'actorKind' = ${kind}
             order by e.id limit 1`,
      );
      expect(e, kind).toBeDefined();
      const entry = (await api.get("office", `/api/cases/${e.caseId}`))
        .json()
        .timeline.find((x: { id: number }) => x.id === e.id);
      const unit = { id: expect.any(Number), name: e.unitName };
      expect(entry, kind).toMatchObject({
        actorId: null,
        actorName: e.label,
        actorKind: kind,
        actorGrid: table === "grids" ? unit : null,
        actorDepartment: table === "departments" ? unit : null,
      });
      expect(e.label.startsWith(e.unitName), kind).toBe(true);
    }

    // a row stored before kinds existed still shows its label
    const [old] = await t.query<{ caseId: number; id: number; label: string }>(
      sql`update case_events set data = data - 'actorKind' - 'actorGridId'
           where id = (select id from case_events where data->>'actorKind' = 'grid_staff' order by id desc limit 1)
           returning case_id::int as "caseId", id::int as id, data->>'actorLabel' as label`,
    );
    const oldEntry = (await api.get("office", `/api/cases/${old.caseId}`))
      .json()
      .timeline.find((x: { id: number }) => x.id === old.id);
    expect(oldEntry).toMatchObject({ actorName: old.label, actorKind: null, actorGrid: null });

    // a re-check asked of staff without an account names its unit the same way; of a demo account, its name
    const [request] = await t.query<{ unnamed: number; named: number; bare: number }>(
      sql`select count(*) filter (where data->>'assigneeKind' = 'grid_member'
                                    and jsonb_typeof(data->'assigneeGridId') = 'number')::int as unnamed,
                 count(*) filter (where data->>'assigneeName' =
                                    (select display_name from users where id::text = data->>'assigneeId'))::int
                   as named,
                 count(*) filter (where data->>'assigneeName' = '网格员')::int as bare
            from case_events where action = 'request_verification'`,
    );
    expect(request.unnamed).toBeGreaterThan(0);
    expect(request.named).toBeGreaterThan(0);
    expect(request.bare).toBe(0);
  });

  it("names no seeded site photo 举报人: a step by staff without an account has no uploader", async () => {
    const [photo] = await t.query<{ caseId: number; id: number }>(
      sql`select v.case_id::int as "caseId", v.id::int as id from case_evidence v join cases c on c.id = v.case_id
           where v.uploaded_by is null and c.reporter_user_id is null order by v.id limit 1`,
    );
    const evidence = (await api.get("office", `/api/cases/${photo.caseId}`))
      .json()
      .evidence.find((v: { id: number }) => v.id === photo.id);
    expect(evidence).toMatchObject({ uploadedBy: null, uploadedByName: null, uploaderKind: null });
  });

  it("shows site photos behind handling records and re-checks, served like any upload", async () => {
    const [{ steps, withoutPhoto }] = await t.query<{ steps: number; withoutPhoto: number }>(
      sql`select count(*)::int as steps,
                 count(*) filter (where not exists (select 1 from case_evidence v where v.event_id = e.id))::int
                   as "withoutPhoto"
            from case_events e where e.action in ('record_handling', 'record_verification')`,
    );
    expect(steps).toBeGreaterThan(0);
    expect(withoutPhoto).toBe(0);
    const [handled] = await t.query<{ id: number }>(
      sql`select c.id from cases c join case_events e on e.case_id = c.id and e.action = 'record_handling'
           where c.grid_path like (select path from grids where name = '亚尔镇') || '%' order by c.id limit 1`,
    );
    const detail = (await api.get("township", `/api/cases/${handled.id}`)).json();
    const photo = detail.evidence.find((e: { note: string }) => e.note === "整改现场照片");
    expect(photo).toMatchObject({ mime: "image/jpeg" });
    const served = await t.app.inject({
      method: "GET",
      url: `/api/evidence/${photo.id}?variant=public`,
      headers: { cookie: cookies.township },
    });
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("image/jpeg");
    expect(served.rawPayload.subarray(0, 2).toString("hex")).toBe("ffd8");
  });

  it("gives every demo account something real to do and to read", async () => {
    const township = (await api.get("township", "/api/cases?todo=true&pageSize=5")).json();
    expect(township.total).toBeGreaterThan(0);
    // the township's to-do items accept a real transition on their current version
    const first = township.items[0];
    const detail = (await api.get("township", `/api/cases/${first.id}`)).json();
    expect(detail.allowedActions.length).toBeGreaterThan(0);
    expect(detail.timeline.length).toBeGreaterThan(0);
    expect((await api.get("dept", "/api/cases?pageSize=5")).json().total).toBeGreaterThan(20);
    expect((await api.get("member", "/api/cases?pageSize=5")).json().total).toBeGreaterThan(5);
    const board = (await api.get("office", "/api/supervision/board")).json();
    expect(board.totals.open).toBeGreaterThan(50);
    expect(board.byTownship.length).toBeGreaterThan(10);
    // a resident's identity in the demo decrypts for the office, and never shows elsewhere
    const [withReporter] = await t.query<{ id: number }>(
      sql`select id from cases where reporter_contact_enc is not null and grid_path like '/1/7/%' order by id desc limit 1`,
    );
    const reveal = await api.post("office", `/api/cases/${withReporter.id}/reporter/reveal`, {
      reason: "演示数据核对",
    });
    expect(reveal.json().contact).toMatch(/^1[3589]\d{9}$/);
  });

  it("lists in the district office's 我的待办 only the extensions that wait for a decision", async () => {
    const todo = (await api.get("office", "/api/cases?todo=true&pageSize=100")).json();
    const deciding = todo.items.filter((c: { allowedActions: string[] }) =>
      c.allowedActions.includes("approve_extension"),
    );
    const [{ waiting }] = await t.query<{ waiting: number }>(
      sql`select count(*)::int as waiting from cases
           where pending_extension is not null and stage in ('handling', 'joint_investigation')`,
    );
    expect(deciding.length).toBe(waiting);
    for (const c of todo.items as { allowedActions: string[] }[])
      expect(c.allowedActions.length, JSON.stringify(c)).toBeGreaterThan(0);
  });
});
