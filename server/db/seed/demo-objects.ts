/**
 * Demo register of supervised objects for Gaochang: about three hundred enterprises, drinking-water source
 * zones, hazards, construction projects, ecological areas and rural remediation sites, spread over the
 * villages. Deterministic: a fixed-seed generator picks names, attributes and positions inside the village
 * polygons, so every seeded database holds the same objects. Written through `createObjects` (the same
 * checks, placement and audit as the API), in one batch.
 */
import { sql } from "drizzle-orm";
import type { CommandContext } from "../../commands/context.ts";
import { createObjects } from "../../commands/object-creator.ts";
import type {
  EiaStatus,
  EmissionFigure,
  GeoPolygon,
  ObjectInput,
  RemediationStatus,
  RiskLevel,
} from "../../domain/supervised-object.ts";
import { USCC_ALPHABET, usccCheckCharacter } from "../../domain/uscc.ts";
import { type Db, rows } from "../client.ts";
import type { GeoJsonMultiPolygon } from "../schema/geometry.ts";

/** mulberry32: small, fast, good enough for demo data, identical on every platform. */
function generator(seed: number) {
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
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof generator>;

interface Village {
  id: number;
  name: string;
  township: string;
  boundary: GeoJsonMultiPolygon;
}

function insideRing(lon: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideMultiPolygon(lon: number, lat: number, mp: GeoJsonMultiPolygon): boolean {
  return mp.coordinates.some(
    (polygon) =>
      insideRing(lon, lat, polygon[0]) && !polygon.slice(1).some((hole) => insideRing(lon, lat, hole)),
  );
}

/** A point inside the village, away from its border by `margin` degrees where the village allows it. */
function pointIn(village: Village, random: Random, margin = 0.004): [number, number] {
  const all = village.boundary.coordinates.flatMap((p) => p[0]);
  const lons = all.map((c) => c[0]);
  const lats = all.map((c) => c[1]);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  for (let attempt = 0; attempt < 500; attempt++) {
    const lon = minLon + random.next() * (maxLon - minLon);
    const lat = minLat + random.next() * (maxLat - minLat);
    const m = attempt < 400 ? margin : 0;
    const ok = [
      [lon, lat],
      [lon + m, lat],
      [lon - m, lat],
      [lon, lat + m],
      [lon, lat - m],
    ].every(([x, y]) => insideMultiPolygon(x, y, village.boundary));
    if (ok) return [round6(lon), round6(lat)];
  }
  throw new Error(`no point found inside ${village.name}`);
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** A star-shaped (so always simple, always valid) polygon around a centre, radii in metres. */
function blob(center: [number, number], radii: readonly number[], hole?: readonly number[]): GeoPolygon {
  const ring = (rs: readonly number[], clockwise: boolean) => {
    const coords: number[][] = rs.map((r, i) => {
      const angle = ((clockwise ? -1 : 1) * 2 * Math.PI * i) / rs.length;
      const dLat = (r * Math.sin(angle)) / 111_320;
      const dLon = (r * Math.cos(angle)) / (111_320 * Math.cos((center[1] * Math.PI) / 180));
      return [round6(center[0] + dLon), round6(center[1] + dLat)];
    });
    coords.push(coords[0]);
    return coords;
  };
  return {
    type: "Polygon",
    coordinates: hole ? [ring(radii, false), ring(hole, true)] : [ring(radii, false)],
  };
}

const jitter = (random: Random, base: number, spread: number, n: number) =>
  Array.from({ length: n }, () => base * (1 - spread + random.next() * 2 * spread));

function uscc(random: Random, first: "91" | "92" | "12" | "52"): string {
  // Registering office 650402 (高昌区); the subject code in the MA-series used since 2015.
  const body = `MA7${Array.from({ length: 6 }, () => random.pick([...USCC_ALPHABET])).join("")}`;
  const first17 = `${first}650402${body}`;
  return first17 + usccCheckCharacter(first17);
}

const TRADE_NAMES = [
  "火洲",
  "葡乡",
  "交河",
  "坎儿井",
  "绿洲",
  "丝路",
  "高昌",
  "艾丁",
  "红柳",
  "雪莲",
  "金沙",
  "恒源",
  "瑞丰",
  "鑫达",
  "华泰",
  "宏远",
  "天泽",
  "昌盛",
  "西域",
  "楼兰",
  "博达",
  "晨光",
  "祥和",
  "众诚",
  "汇通",
  "兴业",
  "盛源",
  "宇丰",
  "通达",
  "新瑞",
  "嘉禾",
  "德隆",
];

interface Industry {
  category: string;
  noun: string;
  pollutants: string[];
  keyChance: number;
  /** How common the industry is among the district's registered polluters. */
  weight: number;
  units: string;
}
const INDUSTRIES: Industry[] = [
  {
    category: "农副食品加工",
    noun: "葡萄干加工有限公司",
    pollutants: ["化学需氧量", "氨氮", "颗粒物"],
    keyChance: 0.02,
    weight: 4,
    units: "t/a",
  },
  {
    category: "酒、饮料制造",
    noun: "葡萄酒业有限公司",
    pollutants: ["化学需氧量", "氨氮"],
    keyChance: 0.1,
    weight: 1,
    units: "t/a",
  },
  {
    category: "棉花加工",
    noun: "棉业有限责任公司",
    pollutants: ["颗粒物"],
    keyChance: 0.02,
    weight: 1,
    units: "t/a",
  },
  {
    category: "水泥制造",
    noun: "水泥有限公司",
    pollutants: ["颗粒物", "二氧化硫", "氮氧化物"],
    keyChance: 0.8,
    weight: 1,
    units: "t/a",
  },
  {
    category: "砖瓦制造",
    noun: "新型建材有限公司",
    pollutants: ["颗粒物", "二氧化硫"],
    keyChance: 0.1,
    weight: 2,
    units: "t/a",
  },
  {
    category: "热力生产和供应",
    noun: "热力有限公司",
    pollutants: ["二氧化硫", "氮氧化物", "颗粒物"],
    keyChance: 0.6,
    weight: 1,
    units: "t/a",
  },
  {
    category: "石油和天然气开采",
    noun: "油气技术服务有限公司",
    pollutants: ["挥发性有机物", "石油类"],
    keyChance: 0.5,
    weight: 1,
    units: "t/a",
  },
  {
    category: "化学原料和化学制品制造",
    noun: "化工有限公司",
    pollutants: ["挥发性有机物", "氯化氢", "化学需氧量"],
    keyChance: 0.7,
    weight: 1,
    units: "t/a",
  },
  {
    category: "石材加工",
    noun: "石材有限公司",
    pollutants: ["颗粒物", "噪声"],
    keyChance: 0,
    weight: 1,
    units: "t/a",
  },
  {
    category: "汽车修理",
    noun: "汽车修理厂",
    pollutants: ["挥发性有机物", "危险废物"],
    keyChance: 0,
    weight: 2,
    units: "t/a",
  },
  {
    category: "卫生",
    noun: "医院有限公司",
    pollutants: ["化学需氧量", "医疗废物"],
    keyChance: 0.2,
    weight: 1,
    units: "t/a",
  },
  {
    category: "污水处理",
    noun: "水务有限公司",
    pollutants: ["化学需氧量", "氨氮", "总磷"],
    keyChance: 0.9,
    weight: 1,
    units: "t/a",
  },
  {
    category: "环境卫生管理",
    noun: "环卫垃圾处理有限公司",
    pollutants: ["化学需氧量", "氨氮", "臭气浓度"],
    keyChance: 0.7,
    weight: 1,
    units: "t/a",
  },
  {
    category: "畜禽养殖",
    noun: "牧业有限公司",
    pollutants: ["化学需氧量", "氨氮"],
    keyChance: 0.1,
    weight: 2,
    units: "t/a",
  },
  {
    category: "商品混凝土",
    noun: "商砼有限公司",
    pollutants: ["颗粒物"],
    keyChance: 0.05,
    weight: 1,
    units: "t/a",
  },
  { category: "加油站", noun: "加油站", pollutants: ["挥发性有机物"], keyChance: 0, weight: 2, units: "t/a" },
];

const INDUSTRY_DRAW = INDUSTRIES.flatMap((i) => Array.from({ length: i.weight }, () => i));

const CONTACTS = [
  "热合曼·艾力",
  "阿不都拉·买买提",
  "古丽娜尔·吐尔逊",
  "艾尔肯·卡德尔",
  "买买提江·热西提",
  "阿依努尔·肉孜",
  "王建国",
  "李娟",
  "张伟",
  "刘芳",
  "陈勇",
  "杨丽",
  "赵磊",
  "马文华",
  "周海燕",
  "吐尔洪·依明",
];

const HAZARDS: { category: string; suffix: string }[] = [
  { category: "危险化学品储存", suffix: "危化品仓库" },
  { category: "加油站储油罐", suffix: "加油站储油罐区" },
  { category: "危险废物贮存", suffix: "危险废物暂存间" },
  { category: "液氨制冷", suffix: "冷库液氨制冷系统" },
  { category: "输油管线", suffix: "输油管线穿越段" },
  { category: "燃气储配", suffix: "燃气储配站" },
  { category: "尾矿库", suffix: "尾矿库" },
  { category: "污水处理设施", suffix: "污水处理站事故池" },
];

const PROJECTS: { category: string; suffix: string }[] = [
  { category: "建材", suffix: "砖厂扩建项目" },
  { category: "新能源", suffix: "光伏电站项目" },
  { category: "采矿", suffix: "砂石料场项目" },
  { category: "畜牧", suffix: "规模化养殖场新建项目" },
  { category: "物流仓储", suffix: "物流仓储中心项目" },
  { category: "交通", suffix: "乡村道路改建工程" },
  { category: "建材", suffix: "商砼搅拌站项目" },
  { category: "农产品加工", suffix: "葡萄晾房改造项目" },
  { category: "文旅", suffix: "农家乐民宿项目" },
  { category: "环保", suffix: "危废暂存库建设项目" },
];

const ECOLOGICAL = [
  { category: "湿地", suffix: "湿地" },
  { category: "生态保护红线", suffix: "生态保护红线片区" },
  { category: "公益林", suffix: "公益林" },
  { category: "防风固沙林", suffix: "防风固沙林带" },
  { category: "风景名胜区", suffix: "风景区生态保护区" },
];

const RURAL = [
  { category: "生活污水治理", suffix: "生活污水处理站" },
  { category: "生活垃圾治理", suffix: "垃圾收集转运点" },
  { category: "厕所革命", suffix: "卫生厕所改造" },
  { category: "畜禽粪污资源化", suffix: "畜禽粪污集中处理点" },
  { category: "黑臭水体整治", suffix: "排碱渠黑臭水体整治" },
];

const EIA_WEIGHTS: [EiaStatus, number][] = [
  ["approved", 0.4],
  ["pending", 0.25],
  ["not_submitted", 0.2],
  ["built_before_approval", 0.15],
];
const RISK_WEIGHTS: [RiskLevel, number][] = [
  ["major", 0.1],
  ["large", 0.3],
  ["general", 0.6],
];
const REMEDIATION_WEIGHTS: [RemediationStatus, number][] = [
  ["planned", 0.3],
  ["in_progress", 0.35],
  ["completed", 0.35],
];

function weighted<T>(random: Random, table: readonly [T, number][]): T {
  let x = random.next();
  for (const [value, weight] of table) {
    if (x < weight) return value;
    x -= weight;
  }
  return table[table.length - 1][0];
}

const phone = (random: Random) => `139${String(random.int(10000000, 99999999))}`;

/** Builds the demo inputs from the villages; pure given the villages, so tests can call it too. */
export function demoObjectInputs(villages: readonly Village[]): ObjectInput[] {
  const random = generator(20260301);
  const inputs: ObjectInput[] = [];
  const usedNames = new Set<string>();
  const common = (village: Village) => ({
    address: `新疆吐鲁番市高昌区${village.township}${village.name}`,
    contactName: random.pick(CONTACTS),
    contactPhone: phone(random),
    status: random.chance(0.07) ? ("suspended" as const) : ("active" as const),
  });

  // Enterprises: one in every village or community, then 50 more wherever.
  const enterpriseVillages = [...villages, ...Array.from({ length: 50 }, () => random.pick(villages))];
  for (const village of enterpriseVillages) {
    const industry = random.pick(INDUSTRY_DRAW);
    let name = "";
    for (let i = 0; i < 50 && (name === "" || usedNames.has(name)); i++) {
      name = `吐鲁番${random.pick(TRADE_NAMES)}${industry.noun}`;
    }
    if (usedNames.has(name)) name = `${village.name}${industry.noun}`;
    usedNames.add(name);
    const keyUnit = random.chance(industry.keyChance);
    const code = uscc(random, industry.category === "卫生" ? "52" : random.chance(0.12) ? "92" : "91");
    const hasPermit = keyUnit || random.chance(0.6);
    const emissions: EmissionFigure[] = industry.pollutants
      .filter((p) => !["噪声", "危险废物", "医疗废物"].includes(p))
      .map((pollutant) => ({
        pollutant,
        amount: Math.round(random.next() * (keyUnit ? 200 : 20) * 100) / 100,
        unit: industry.units,
        year: 2025,
        // Key units must disclose (企业环境信息依法披露管理办法); others choose.
        disclosed: keyUnit || random.chance(0.3),
      }));
    inputs.push({
      type: "enterprise",
      name,
      category: industry.category,
      ...common(village),
      location: { type: "Point", coordinates: pointIn(village, random) },
      uscc: code,
      permitNumber: hasPermit ? `${code}001P` : null,
      pollutants: industry.pollutants,
      keyUnit,
      emissions,
    });
  }

  // Drinking-water sources: a level-1 zone and the level-2 ring around it, in 10 villages.
  for (const village of pickDistinct(random, villages, 10)) {
    const center = pointIn(village, random, 0.02);
    const inner = jitter(random, 350, 0.2, 10);
    const outer = jitter(random, 1300, 0.2, 12);
    const source = `${village.name}${random.chance(0.5) ? "集中式" : ""}饮用水水源地`;
    const base = {
      category: random.chance(0.8) ? "地下水" : "地表水",
      ...common(village),
      status: "active" as const,
    };
    inputs.push({
      type: "water_source",
      name: `${source}一级保护区`,
      ...base,
      waterZoneLevel: 1,
      location: blob(center, inner),
    });
    inputs.push({
      type: "water_source",
      name: `${source}二级保护区`,
      ...base,
      waterZoneLevel: 2,
      location: blob(
        center,
        outer,
        inner.map((r) => r * 1.02),
      ),
    });
  }

  for (let i = 0; i < 40; i++) {
    const village = random.pick(villages);
    const kind = random.pick(HAZARDS);
    inputs.push({
      type: "hazard",
      name: `${village.name}${kind.suffix}`,
      category: kind.category,
      ...common(village),
      riskLevel: weighted(random, RISK_WEIGHTS),
      location: { type: "Point", coordinates: pointIn(village, random) },
    });
  }

  for (let i = 0; i < 50; i++) {
    const village = random.pick(villages);
    const kind = random.pick(PROJECTS);
    inputs.push({
      type: "construction_project",
      name: `${village.name}${kind.suffix}`,
      category: kind.category,
      ...common(village),
      eiaStatus: weighted(random, EIA_WEIGHTS),
      location: { type: "Point", coordinates: pointIn(village, random) },
    });
  }

  for (const village of pickDistinct(random, villages, 12)) {
    const kind = random.pick(ECOLOGICAL);
    const center = pointIn(village, random, 0.03);
    inputs.push({
      type: "ecological_area",
      name: `${village.name}${kind.suffix}`,
      category: kind.category,
      ...common(village),
      location: blob(center, jitter(random, 2200, 0.35, 14)),
    });
  }

  for (let i = 0; i < 40; i++) {
    const village = random.pick(villages);
    const kind = random.pick(RURAL);
    inputs.push({
      type: "rural_site",
      name: `${village.name}${kind.suffix}`,
      category: kind.category,
      ...common(village),
      remediationStatus: weighted(random, REMEDIATION_WEIGHTS),
      location: { type: "Point", coordinates: pointIn(village, random) },
    });
  }
  return inputs;
}

function pickDistinct<T>(random: Random, list: readonly T[], n: number): T[] {
  const pool = [...list];
  const picked: T[] = [];
  while (picked.length < n && pool.length > 0)
    picked.push(pool.splice(Math.floor(random.next() * pool.length), 1)[0]);
  return picked;
}

/** The villages (the deepest live grids) with their township names and boundaries. */
export function demoVillages(db: Db): Promise<Village[]> {
  return rows<Village>(
    db,
    sql`select g.id, g.name, p.name as township, ST_AsGeoJSON(g.boundary, 6)::json as boundary
          from grids g join grids p on p.id = g.parent_id
         where g.retired_at is null and g.boundary is not null
           and not exists (select 1 from grids c where c.parent_id = g.id and c.retired_at is null)
         order by g.code`,
  );
}

export async function seedDemoObjects(ctx: CommandContext): Promise<number> {
  const villages = await demoVillages(ctx.db);
  const inputs = demoObjectInputs(villages);
  const result = await createObjects(ctx, inputs);
  if (!result.ok) {
    const first = result.errors[0];
    throw new Error(
      `demo object ${first.row} (${inputs[first.row - 1]?.name}): ${first.field} ${first.message}`,
    );
  }
  return result.ids.length;
}
