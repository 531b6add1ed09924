import { type SQL, sql } from "drizzle-orm";
import type { DisputeParty, TimelineActorKind } from "../../../api-types/cases.ts";
import { recordAudit } from "../../commands/audit-recorder.ts";
import { insertNotifications, type NewNotification, whoMustAct } from "../../commands/case-notifier.ts";
import { loadConfig } from "../../config.ts";
import type { CaseActor } from "../../domain/cases/case-actions.ts";
import { type CaseCommand, decide, openCase } from "../../domain/cases/case-machine.ts";
import { routeCase } from "../../domain/cases/case-routing.ts";
import {
  type CaseSource,
  PETITION_CHANNELS,
  reporterReplyRequired,
} from "../../domain/cases/case-sources.ts";
import {
  type CaseRules,
  type CaseState,
  HANDLING_RESULTS,
  isTerminal,
} from "../../domain/cases/case-state.ts";
import { MATTER_CATEGORIES, type MatterCategory } from "../../domain/cases/matter-categories.ts";
import type { Priority } from "../../domain/cases/priorities.ts";
import { supervisionLevelOf } from "../../domain/cases/supervision.ts";
import { trackingNumber } from "../../domain/cases/tracking-number.ts";
import type { RoleAssignment } from "../../policies/actor.ts";
import { intArrayParam, jsonParam, stateColumns } from "../../queries/case-row.ts";
import { ancestorNamesJson } from "../../queries/grid-ancestry.ts";
import { loadCaseRules } from "../../queries/work-calendar.ts";
import { sealDisputeParties } from "../../security/dispute-complainant.ts";
import { encryptField, type ReporterKeyRing, reporterAad } from "../../security/reporter-crypto.ts";
import { type Db, rows } from "../client.ts";

/**
 * About two years of cases for the demo (issue 4 point 8): every source, every stage, every township and
 * category; some late, some transferred and returned, some jointly investigated, some reworked. Generated
 * deterministically (a seeded PRNG) by driving the real case machine with made-up timestamps up to `now`,
 * then batch-inserted — the same rows the API would have written, without a transaction per step.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r <= 0) return item;
      }
      return items[items.length - 1][0];
    },
  };
}
type Rng = ReturnType<typeof prng>;

const SOURCES: readonly (readonly [CaseSource, number])[] = [
  ["patrol_finding", 40],
  ["public_report", 25],
  ["petition", 12],
  ["dispute", 5],
  ["monitoring_alert", 10],
  ["superior_task", 8],
];

const TITLES: Record<string, readonly string[]> = {
  industrial_air: ["砖厂烟囱冒黑烟", "企业夜间排放刺鼻废气", "锅炉房废气直排"],
  industrial_water: ["企业排污口污水发黑", "工业废水排入渠道", "厂区雨水口有油污"],
  industrial_solid_waste: ["工业废渣随意堆放", "厂外倾倒固体废物"],
  hazardous_waste: ["废机油桶露天堆放", "危废暂存间未规范管理"],
  construction_dust: ["工地未覆盖裸土扬尘", "工地车辆未冲洗带泥上路"],
  construction_noise: ["工地夜间施工噪声扰民", "凌晨混凝土浇筑噪声"],
  road_dust: ["道路积尘严重", "主干道扬尘大"],
  muck_trucks: ["渣土车沿路抛洒", "渣土车未密闭运输"],
  restaurant_fumes: ["饭店油烟直排居民楼", "烧烤摊油烟扰民"],
  open_burning: ["垃圾露天焚烧", "焚烧废旧轮胎"],
  social_noise: ["广场舞音响扰民", "商铺高音喇叭招揽"],
  vehicle_emissions: ["柴油货车冒黑烟", "农用车尾气超标"],
  livestock_pollution: ["养殖场粪污直排", "牛羊圈粪便堆放发臭"],
  straw_burning: ["田间焚烧秸秆", "焚烧葡萄枝条"],
  rural_sewage_garbage: ["村口垃圾堆积", "生活污水横流"],
  sand_mining_rivers: ["河道非法采砂", "河道倾倒建筑垃圾"],
  illegal_land_mining: ["非法占用耕地堆放砂石", "无证开采砂石"],
  forest_grassland_damage: ["防护林被砍伐", "草场被开垦"],
  medical_waste: ["诊所医疗废物混入生活垃圾"],
  hazardous_chemicals: ["农资店违规储存农药", "加油站油气泄漏隐患"],
  unlicensed_polluters: ["无证小作坊喷漆", "散乱污塑料加工点"],
  unapproved_projects: ["项目未批先建", "新建厂房未做环评"],
  drinking_water_source: ["水源保护区内倾倒垃圾", "水源地旁有人洗车"],
  other: ["环境问题咨询", "其他环境问题反映"],
};

const SURNAMES = ["买买提", "阿不都", "艾力", "吐尔逊", "热合曼", "王", "李", "张", "刘", "陈", "马", "古丽"];
const GIVEN = ["江", "明", "阿依古丽", "努尔", "帕提古丽", "建国", "海燕", "卡德尔", "米娜", "伟"];

interface Place {
  gridId: number;
  gridName: string;
  gridPath: string;
  level: number;
  ancestorNames: string[];
  townshipId: number;
  townshipName: string;
  lng: number;
  lat: number;
}

/**
 * What an event records of a seeded actor without an account: the Chinese label (the record), and the kind and
 * unit the web words in the reader's language (TimelineEntry.actorKind).
 */
interface UnnamedActor {
  actorLabel: string;
  actorKind: TimelineActorKind;
  actorGridId?: number;
  actorDepartmentId?: number;
}

interface SeedActor {
  facts: CaseActor;
  /** The account id and name when a demo account did it, else null and `unnamed` says who. */
  userId: number | null;
  displayName: string | null;
  unnamed: UnnamedActor | null;
}

interface EventRow {
  kind: string;
  action: string | null;
  from: string | null;
  to: string | null;
  actorId: number | null;
  at: Date;
  version: number;
  data: Record<string, unknown>;
}

interface SeededCase {
  id: number;
  trackingNo: string;
  source: CaseSource;
  petitionChannel: string | null;
  /** A dispute's parties other than the complainant, who is sealed in `reporter.complainantEnc`. */
  disputeParties: DisputeParty[] | null;
  title: string;
  description: string;
  category: MatterCategory;
  priority: Priority;
  place: Place;
  routing: ReturnType<typeof routeCase>;
  reporter: {
    nameEnc: string | null;
    contactEnc: string | null;
    complainantEnc: string | null;
    keyId: string | null;
    official: boolean;
    anonymous: boolean;
  };
  createdBy: number | null;
  reporterUserId: number | null;
  state: CaseState;
  involved: Set<number>;
  disclosure: string | null;
  events: EventRow[];
}

const real = (id: string | null): number | null => (id !== null && /^\d+$/.test(id) ? Number(id) : null);

export async function seedDemoCases(
  db: Db,
  options: { now?: Date; count?: number; reporterKeys?: ReporterKeyRing } = {},
): Promise<{ cases: number; events: number; notifications: number }> {
  const now = options.now ?? new Date();
  const count = options.count ?? 1400;
  const keys = options.reporterKeys ?? loadConfig().reporterKeys;
  const rng = prng(650402);
  const rules = await loadCaseRules(db);

  // a few points inside every village (PostGIS, seeded, so the same every time)
  const places = await rows<Place>(
    db,
    sql`select g.id as "gridId", g.name as "gridName", g.path as "gridPath", g.level,
               ${ancestorNamesJson({ id: sql`g.id`, path: sql`g.path` })} as "ancestorNames",
               t.id as "townshipId", t.name as "townshipName", ST_X(p.geom) as lng, ST_Y(p.geom) as lat
          from grids g
          join grids t on t.id = nullif(split_part(g.path, '/', 3), '')::int
          cross join lateral ST_Dump(ST_GeneratePoints(g.boundary, 12, g.id)) p
         where g.level = 3 and g.retired_at is null
         order by g.id, p.path`,
  );
  if (places.length === 0) throw new Error("seed the grids before the cases");
  const departments = await rows<{ id: number; code: string; name: string }>(
    db,
    sql`select id, code, name from departments where kind = 'department' order by id`,
  );
  const deptByCode = new Map(departments.map((d) => [d.code, d]));
  const users = new Map(
    (
      await rows<{ id: number; username: string; displayName: string }>(
        db,
        sql`select id, username, display_name as "displayName" from users`,
      )
    ).map((u) => [u.username, u]),
  );
  const uid = (name: string) => users.get(name)?.id ?? null;
  /** A demo account's steps (null when the demo has no such account). */
  const account = (username: string, factsOf: (id: string) => CaseActor): SeedActor | null => {
    const user = users.get(username);
    return user
      ? { userId: user.id, displayName: user.displayName, unnamed: null, facts: factsOf(String(user.id)) }
      : null;
  };
  /** Steps of staff without an account, named by their unit. */
  const unnamed = (id: string, factsOf: (id: string) => CaseActor, who: UnnamedActor): SeedActor => ({
    userId: null,
    displayName: null,
    unnamed: who,
    facts: factsOf(id),
  });
  const ecoId = deptByCode.get("eco")?.id ?? -1;
  const yaerTownship = places.find((p) => p.townshipName === "亚尔镇")?.townshipId;
  const [{ nextId }] = await rows<{ nextId: number }>(
    db,
    sql`select coalesce(max(id), 0)::int + 1 as "nextId" from cases`,
  );

  // the demo accounts sit in 亚尔镇/亚尔村 and 生态环境: give them a good share of the cases
  const yaerPlaces = places.filter((p) => p.townshipId === yaerTownship);
  const yaerVillage = places.filter((p) => p.gridName === "亚尔村");
  const pickPlace = () =>
    rng.weighted<Place[]>([
      [places, 60],
      [yaerPlaces, 28],
      [yaerVillage, 12],
    ]);

  const township = (id: string) => facts(id, ["township_officer"], { inCaseGrid: true });
  const department = (id: string) => facts(id, ["department_officer"], { isAssignedDepartment: true });
  const member = (id: string) => facts(id, ["grid_member"], { inCaseGrid: true });
  const head = (id: string) => facts(id, ["grid_head"], { inCaseGrid: true });
  const office = (id: string) => facts(id, ["district_office"], { isDistrict: true });
  const leader = (id: string) => facts(id, ["district_leader"], { isDistrict: true });
  const actorFor = {
    level2: (p: Place): SeedActor =>
      (p.townshipId === yaerTownship && account("township", township)) ||
      unnamed(`t${p.townshipId}`, township, {
        actorLabel: `${p.townshipName}工作人员`,
        actorKind: "grid_staff",
        actorGridId: p.townshipId,
      }),
    department: (deptId: number, name: string): SeedActor =>
      (deptId === ecoId && account("dept", department)) ||
      unnamed(`d${deptId}`, department, {
        actorLabel: `${name}工作人员`,
        actorKind: "department_staff",
        actorDepartmentId: deptId,
      }),
    verifier: (p: Place): SeedActor =>
      (p.gridName === "亚尔村" && account("member", member)) ||
      (p.townshipId === yaerTownship && account("gridhead", head)) ||
      unnamed(`m${p.gridId}`, member, {
        actorLabel: `${p.gridName}网格员`,
        actorKind: "grid_member",
        actorGridId: p.gridId,
      }),
    office: (): SeedActor =>
      account("office", office) ||
      unnamed("office", office, { actorLabel: "区网格办", actorKind: "district_office" }),
    leader: (): SeedActor =>
      account("leader", leader) ||
      unnamed("leader", leader, { actorLabel: "区领导", actorKind: "district_leader" }),
  };

  const seeded: SeededCase[] = [];
  const usedTracking = new Set<string>();
  const start = now.getTime() - 730 * DAY;
  // a steady flow over two years, busier in the last two months so that the screens have work in progress
  const recent = now.getTime() - 60 * DAY;
  const times = Array.from({ length: count }, () =>
    rng.chance(0.85)
      ? start + rng.next() * (now.getTime() - start - 2 * HOUR)
      : recent + rng.next() * (now.getTime() - recent - 2 * HOUR),
  ).sort((a, b) => a - b);

  let previous: SeededCase | null = null;
  for (let i = 0; i < count; i++) {
    // now and then the same problem is reported again, at the same place, by someone else
    const repeat = previous !== null && rng.chance(0.04) ? previous : null;
    const place = repeat?.place ?? rng.pick(pickPlace());
    const category =
      repeat?.category ??
      rng.weighted(MATTER_CATEGORIES.map((c) => [c as MatterCategory, c.code === "other" ? 2 : 4] as const));
    const source = rng.weighted(SOURCES);
    const priority: Priority =
      category.defaultPriority === "normal" && rng.chance(0.1) ? "important" : category.defaultPriority;
    // reports arrive in the daytime, Shanghai time
    const day = Math.floor((times[i] + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
    const reportedAt = repeat
      ? new Date(repeat.state.reportedAt.getTime() + rng.int(2, 72) * HOUR)
      : new Date(day + rng.int(8, 20) * HOUR + rng.int(0, 59) * 60_000);
    if (reportedAt.getTime() > now.getTime() - HOUR) continue;
    const id = nextId + seeded.length;
    let trackingNo = "";
    while (trackingNo === "" || usedTracking.has(trackingNo))
      trackingNo = trackingNumber(reportedAt, (n) => rng.int(0, n - 1));
    usedTracking.add(trackingNo);
    const deps = category.departments
      .map((c) => deptByCode.get(c))
      .filter((d): d is NonNullable<typeof d> => !!d);
    const routing = routeCase({
      lng: place.lng,
      lat: place.lat,
      grid: {
        id: place.gridId,
        name: place.gridName,
        level: place.level,
        ancestorNames: place.ancestorNames,
      },
      category,
      departments: deps,
    });
    const resident = source === "public_report" || source === "petition" || source === "dispute";
    const anonymous = resident && rng.chance(0.25);
    let nameEnc: string | null = null;
    let contactEnc: string | null = null;
    if (resident && !anonymous) {
      const name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
      const contact = `1${rng.pick(["3", "5", "8", "9"])}${String(rng.int(0, 999_999_999)).padStart(9, "0")}`;
      nameEnc = encryptField(keys, name, reporterAad(trackingNo, "name"));
      contactEnc = encryptField(keys, contact, reporterAad(trackingNo, "contact"));
    }
    const filer =
      source === "patrol_finding"
        ? place.gridName === "亚尔村"
          ? uid("member")
          : place.townshipId === yaerTownship
            ? uid("gridhead")
            : null
        : source === "superior_task" || source === "monitoring_alert"
          ? uid("office")
          : null;
    const title = `${place.gridName}${rng.pick(TITLES[category.code] ?? TITLES.other)}`;
    const parties = sealDisputeParties(
      keys,
      trackingNo,
      source === "dispute"
        ? [
            { name: "周边村民", role: "投诉方" },
            { name: `${place.gridName}某经营户`, role: "被投诉方" },
          ]
        : null,
    );
    const c: SeededCase = {
      id,
      trackingNo,
      source,
      petitionChannel: source === "petition" ? rng.pick(PETITION_CHANNELS) : null,
      disputeParties: parties.others,
      title,
      description: `${title}，位于${place.townshipName}${place.gridName}。${source === "monitoring_alert" ? "在线监测数据超过预警值。" : "现场可见，群众反映强烈。"}`,
      category,
      priority,
      place,
      routing,
      reporter: {
        nameEnc,
        contactEnc,
        complainantEnc: parties.complainantEnc,
        keyId: nameEnc || parties.complainantEnc ? keys.current.id : null,
        official: !resident,
        anonymous: resident && !nameEnc,
      },
      createdBy: filer,
      reporterUserId: resident ? null : filer,
      state: openCase(
        {
          id: String(id),
          category: category.code,
          priority,
          reporterReplyRequired: reporterReplyRequired(source),
        },
        reportedAt,
        rules,
      ),
      involved: new Set(),
      disclosure: null,
      events: [
        {
          kind: "created",
          action: null,
          from: null,
          to: "reported",
          actorId: filer,
          at: reportedAt,
          version: 1,
          data: {
            source,
            category: category.code,
            priority,
            gridId: place.gridId,
            routing: routing.explanation,
            ...(filer ? {} : { actorLabel: "受理登记", actorKind: "intake_desk" }),
          },
        },
      ],
    };
    simulate(c, { rng, rules, now, actorFor, mergeTarget: repeat, deps });
    seeded.push(c);
    if (c.state.stage !== "merged" && c.state.stage !== "rejected") previous = c;
  }

  await insertSeeded(db, seeded);
  const linked = await linkPatrolFindings(db);
  const notified = await notifyDemoUsers(db, seeded);
  await recordAudit(
    db,
    { actor: null, ip: null },
    {
      action: "case.seed_demo",
      entityType: "case",
      actorName: "system",
      after: {
        cases: seeded.length,
        from: seeded[0]?.state.reportedAt,
        to: now,
        byStage: countBy(seeded, (c) => c.state.stage),
        linkedToPatrols: linked,
      },
    },
  );
  return {
    cases: seeded.length,
    events: seeded.reduce((n, c) => n + c.events.length, 0),
    notifications: notified,
  };
}

/**
 * A patrol finding usually comes from a check-in: link each demo finding to the latest check-in with a finding
 * in the same village in the week before it, so object archives and case details show where cases came from.
 */
async function linkPatrolFindings(db: Db): Promise<number> {
  const [{ linked }] = await rows<{ linked: number }>(
    db,
    sql`with link as (
          select c.id, hit.patrol_id, hit.object_id
            from cases c
            cross join lateral (
              select k.patrol_id, k.object_id from patrol_checkins k join patrols p on p.id = k.patrol_id
               where p.grid_id = c.grid_id and k.finding is not null and k.finding <> ''
                 and k.at <= c.reported_at and k.at > c.reported_at - interval '7 days'
               order by k.at desc limit 1) hit
           where c.source = 'patrol_finding' and c.patrol_id is null),
        done as (update cases c set patrol_id = link.patrol_id, object_id = link.object_id
                   from link where c.id = link.id returning 1)
        select count(*)::int as linked from done`,
  );
  return linked;
}

function facts(userId: string, roles: CaseActor["roles"], over: Partial<CaseActor>): CaseActor {
  return { userId, roles, inCaseGrid: false, isAssignedDepartment: false, isDistrict: false, ...over };
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

type ActorFor = {
  level2: (p: Place) => SeedActor;
  department: (id: number, name: string) => SeedActor;
  verifier: (p: Place) => SeedActor;
  office: () => SeedActor;
  leader: () => SeedActor;
};

/** One case's life, step by step through the machine, until the next step would lie in the future. */
function simulate(
  c: SeededCase,
  ctx: {
    rng: Rng;
    rules: CaseRules;
    now: Date;
    actorFor: ActorFor;
    mergeTarget: SeededCase | null;
    deps: { id: number; name: string }[];
  },
): void {
  const { rng, rules, now, actorFor } = ctx;
  let t = c.state.reportedAt.getTime();
  const l2 = actorFor.level2(c.place);

  /** How long this step takes: usually well inside its deadline, sometimes late. */
  const delay = (): number => {
    const due = c.state.deadline?.dueAt.getTime() ?? t + 3 * DAY;
    const room = Math.max(due - t, HOUR);
    if (rng.chance(0.015)) return room + rng.int(15, 60) * DAY; // stuck for weeks
    if (rng.chance(0.06)) return room + rng.int(1, 12) * DAY; // 超期
    return Math.max(10 * 60_000, room * (0.05 + rng.next() * 0.6));
  };
  const act = (
    actor: SeedActor,
    cmd: Record<string, unknown>,
    names: Record<string, unknown> = {},
  ): boolean => {
    const at = t + delay();
    if (at > now.getTime()) return false;
    const decision = decide(
      c.state,
      { ...cmd, version: c.state.version } as CaseCommand,
      actor.facts,
      new Date(at),
      rules,
    );
    if (!decision.ok)
      throw new Error(`demo case ${c.id}: ${String(cmd.action)} refused (${decision.reason})`);
    const before = c.state;
    c.state = decision.next;
    t = at;
    if (c.state.assignedDepartmentId) c.involved.add(Number(c.state.assignedDepartmentId));
    for (const d of c.state.participantDepartmentIds) c.involved.add(Number(d));
    const { action, ...payload } = cmd;
    c.events.push({
      kind: "transition",
      action: String(action),
      from: before.stage,
      to: c.state.stage,
      actorId: actor.userId,
      at: new Date(at),
      version: c.state.version,
      data: { ...payload, ...names, ...actor.unnamed },
    });
    return true;
  };

  // 受理: accept, reject, or merge into the same problem reported just before
  if (ctx.mergeTarget && rng.chance(0.8)) {
    act(
      l2,
      { action: "merge_into", targetCaseId: String(ctx.mergeTarget.id) },
      { targetTrackingNo: ctx.mergeTarget.trackingNo },
    );
    return;
  }
  if (rng.chance(0.06)) {
    act(l2, {
      action: "reject",
      reason: rng.pick(["经核实不属于生态环境问题", "信息不全，无法核实", "已由其他渠道办结"]),
    });
    return;
  }
  if (!act(l2, { action: "accept" }) || !act(l2, { action: "register" })) return;

  // 研判: handle locally, transfer to the competent department, or a joint investigation
  const deps = ctx.deps;
  const joint = deps.length >= 2 && rng.chance(0.35);
  const local =
    !joint && (deps.length === 0 || (c.category.townshipLeads ? rng.chance(0.8) : rng.chance(0.3)));
  let handler: SeedActor = l2;
  if (joint) {
    const [lead, ...others] = deps;
    if (
      !act(
        actorFor.office(),
        {
          action: "organize_joint",
          leadDepartmentId: String(lead.id),
          participantDepartmentIds: others.map((d) => String(d.id)),
        },
        { leadDepartmentName: lead.name, participantDepartmentNames: others.map((d) => d.name) },
      )
    )
      return;
    handler = actorFor.department(lead.id, lead.name);
  } else if (local) {
    if (!act(l2, { action: "handle_locally" })) return;
  } else {
    const target = deps[0];
    const handlingDays = rng.chance(0.5) ? rng.pick([10, 15, 20]) : undefined;
    const transfer = {
      action: "transfer",
      departmentId: String(target.id),
      ...(handlingDays ? { handlingDays } : {}),
    };
    if (!act(l2, transfer, { departmentName: target.name })) return;
    handler = actorFor.department(target.id, target.name);
    if (rng.chance(0.1)) {
      if (!act(handler, { action: "return_transfer", reason: "经研判不属本部门职责，请重新研判" })) return;
      if (!act(l2, transfer, { departmentName: target.name })) return;
    }
    if (!act(handler, { action: "accept_transfer" })) return;
  }
  if (c.state.deadline?.phase === "site_arrival" && !act(handler, { action: "arrive_on_site" })) return;
  if (rng.chance(0.08)) {
    if (
      !act(handler, { action: "request_extension", days: rng.pick([5, 10, 20]), reason: "需委托第三方检测" })
    )
      return;
    const decider = rng.chance(0.5) ? actorFor.leader() : actorFor.office();
    const decision = rng.chance(0.8)
      ? { action: "approve_extension" }
      : { action: "deny_extension", reason: "理由不充分" };
    if (!act(decider, decision)) return;
  }

  const verifier = actorFor.verifier(c.place);
  for (let round = 0; round < 2; round++) {
    const result = rng.pick(HANDLING_RESULTS);
    const summaries: Record<string, string> = {
      rectification_order: "已下达责令改正通知书，限期整改",
      penalty: "已立案查处并作出行政处罚",
      no_violation: "经现场核查未发现违法行为",
      other: "已协调相关方妥善处理",
    };
    if (!act(handler, { action: "record_handling", result, summary: summaries[result], evidenceIds: [] }))
      return;
    // 反馈: to the transferring unit, the reporter, and the grid below — in any order
    const feedback: [SeedActor, Record<string, unknown>][] = [[l2, { action: "inform_lower_grid" }]];
    if (c.state.handlerKind !== "grid")
      feedback.push([handler, { action: "give_feedback", summary: "办理结果已反馈" }]);
    if (c.state.reporterReplyRequired)
      feedback.push([l2, { action: "reply_to_reporter", summary: "已电话答复举报人办理结果" }]);
    for (const [who, cmd] of feedback.sort(() => rng.next() - 0.5)) if (!act(who, cmd)) return;
    if (
      !act(
        l2,
        { action: "request_verification", assigneeId: verifier.facts.userId },
        verifier.unnamed
          ? {
              // the reader's language words the unit, as for the actor (CaseTimeline)
              assigneeName: verifier.unnamed.actorLabel,
              assigneeKind: verifier.unnamed.actorKind,
              assigneeGridId: verifier.unnamed.actorGridId,
            }
          : { assigneeName: verifier.displayName },
      )
    )
      return;
    const passed = round > 0 || !rng.chance(0.07);
    const note = passed ? "现场核查，问题已整改到位" : "现场核查，问题仍然存在";
    if (!act(verifier, { action: "record_verification", passed, note, evidenceIds: ["demo"] })) return;
    if (passed) break;
  }
  if (!act(rng.chance(0.1) ? actorFor.office() : l2, { action: "close" })) return;
  if (rng.chance(0.4)) {
    const summary = `${c.category.name}问题已依法处理并复查合格。`;
    if (act(actorFor.office(), { action: "disclose", summary })) c.disclosure = summary;
  }
}

async function insertSeeded(db: Db, cases: SeededCase[]): Promise<void> {
  if (cases.length === 0) return;
  const stateCols = stateColumns(cases[0].state).map(([col]) => col);
  for (let i = 0; i < cases.length; i += 150) {
    const batch = cases.slice(i, i + 150);
    const values: SQL[] = batch.map((c) => {
      // ids that stand for people without a demo account are kept out of the user references
      const columns = stateColumns({
        ...c.state,
        handledBy: real(c.state.handledBy) === null ? null : c.state.handledBy,
        verifierId: real(c.state.verifierId) === null ? null : c.state.verifierId,
      });
      return sql`(${c.id}, ${c.trackingNo}, ${c.source}, ${c.petitionChannel}, ${jsonParam(c.disputeParties)}, ${c.reporter.complainantEnc}, ${c.title},
        ${c.description}, ${supervisionLevelOf(c.priority)},
        ST_SetSRID(ST_MakePoint(${c.place.lng}::float8, ${c.place.lat}::float8), 4326), ${null}, ${c.place.gridId},
        ${c.place.gridPath}, ${jsonParam(c.routing)}, ${c.reporterUserId}::int, ${c.reporter.official}::boolean,
        ${c.reporter.anonymous}::boolean, ${c.reporter.nameEnc}, ${c.reporter.contactEnc}, ${c.reporter.keyId},
        ${c.createdBy}::int, ${intArrayParam([...c.involved])}, ${c.disclosure},
        ${sql.join(
          columns.map(([, v]) => v),
          sql`, `,
        )})`;
    });
    await db.execute(
      sql`insert into cases (id, tracking_no, source, petition_channel, dispute_parties, dispute_complainant_enc, title, description,
            supervision_level, location, address, grid_id, grid_path, routing, reporter_user_id, reporter_official,
            reporter_anonymous, reporter_name_enc, reporter_contact_enc, reporter_key_id, created_by,
            involved_department_ids, disclosure_summary, ${sql.raw(stateCols.join(", "))})
          values ${sql.join(values, sql`, `)}`,
    );
  }
  await db.execute(sql`select setval(pg_get_serial_sequence('cases', 'id'), (select max(id) from cases))`);
  const events = cases.flatMap((c) => c.events.map((e) => ({ caseId: c.id, ...e })));
  for (let i = 0; i < events.length; i += 800) {
    const batch = events.slice(i, i + 800);
    await db.execute(
      sql`insert into case_events (case_id, kind, action, from_stage, to_stage, actor_id, at, version, data)
          values ${sql.join(
            batch.map(
              (e) =>
                sql`(${e.caseId}, ${e.kind}, ${e.action}, ${e.from}, ${e.to}, ${e.actorId}::int, ${e.at.toISOString()}::timestamptz, ${e.version}, ${JSON.stringify(e.data)}::jsonb)`,
            ),
            sql`, `,
          )}`,
    );
  }
}

/** The demo accounts find their to-do notifications waiting: one per open case they must act on. */
async function notifyDemoUsers(db: Db, cases: SeededCase[]): Promise<number> {
  const assignments = await rows<{
    userId: number;
    role: string;
    gridPath: string | null;
    departmentId: number | null;
  }>(
    db,
    sql`select ur.user_id as "userId", ur.role, g.path as "gridPath", ur.department_id as "departmentId"
          from user_roles ur left join grids g on g.id = ur.grid_id
         where ur.role in ('grid_member','grid_head','township_officer','department_officer','department_head',
                           'district_office','district_leader')`,
  );
  const byUser = new Map<number, { userId: number; roles: RoleAssignment[] }>();
  for (const a of assignments) {
    const u = byUser.get(a.userId) ?? { userId: a.userId, roles: [] };
    u.roles.push({
      role: a.role as RoleAssignment["role"],
      gridId: null,
      gridName: null,
      gridPath: a.gridPath,
      departmentId: a.departmentId,
      departmentName: null,
    });
    byUser.set(a.userId, u);
  }
  const stakeholders = [...byUser.values()];
  const notes: NewNotification[] = [];
  for (const c of cases) {
    if (isTerminal(c.state.stage)) continue;
    const state = { ...c.state, verifierId: real(c.state.verifierId) === null ? null : c.state.verifierId };
    for (const w of whoMustAct(state, c.place.gridPath, stakeholders).filter((x) => byUser.has(x.userId)))
      notes.push({
        userId: w.userId,
        caseId: c.id,
        kind: "action_required",
        message: {
          code: "case_todo",
          params: { trackingNo: c.trackingNo, title: c.title, actions: w.actions },
        },
      });
  }
  for (let i = 0; i < notes.length; i += 500) await insertNotifications(db, notes.slice(i, i + 500));
  return notes.length;
}
