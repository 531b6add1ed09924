import { sql } from "drizzle-orm";
import type { CommandContext } from "../../commands/context.ts";
import { generateContracts } from "../../commands/contract-generator.ts";
import { signContract } from "../../commands/contract-signer.ts";
import { updateDisclosure } from "../../commands/disclosure-updater.ts";
import { createDutyLine } from "../../commands/duty-line-creator.ts";
import { createPatrolRule } from "../../commands/patrol-rule-creator.ts";
import { assignPersonnel } from "../../commands/personnel-assigner.ts";
import { createRewardPenaltyRule } from "../../commands/reward-penalty-rule-creator.ts";
import { createUser } from "../../commands/user-creator.ts";
import type { Role } from "../../domain/roles.ts";
import { DEFAULT_DISCLOSURE } from "../../domain/wuding/terms.ts";
import { loadActor } from "../../queries/actor-loader.ts";
import { hashPassword } from "../../security/passwords.ts";
import { rows } from "../client.ts";
import { DEFAULT_PATROL_RULES, DEFAULT_REWARD_PENALTY_RULES, defaultDutyLines } from "./wuding-defaults.ts";

// Demo people: most village staff here are Uyghur (DOMAIN.md §9), written the usual Chinese way as
// given name·father's name; some are Han.
const UYGHUR_NAMES = [
  "艾尼瓦尔",
  "阿依努尔",
  "吐尔逊",
  "古丽娜尔",
  "买合木提",
  "帕提古丽",
  "库尔班",
  "迪丽拜尔",
  "玉素甫",
  "热孜宛古丽",
  "阿不都热合曼",
  "努尔尼沙",
  "依明江",
  "米热古丽",
  "艾合买提",
  "再努尔",
  "亚森",
  "阿米娜",
  "托合提",
  "祖丽皮亚",
  "司马义",
  "布海丽且姆",
  "肉孜",
  "哈丽旦",
  "伊力哈木",
  "茹克亚",
  "吾买尔",
  "阿孜古丽",
  "塔依尔",
  "排孜丽",
];
const FATHERS = [
  "吐尔地",
  "阿木提",
  "卡德尔",
  "买买提",
  "玉努斯",
  "沙吾提",
  "依沙克",
  "克热木",
  "热合曼",
  "阿吉",
];
const HAN_NAMES = [
  "王建军",
  "李红梅",
  "张海涛",
  "刘芳",
  "陈亮",
  "杨晓燕",
  "赵磊",
  "马玉兰",
  "周立新",
  "吴婷",
];

function demoName(n: number): string {
  if (n % 5 === 4) return HAN_NAMES[Math.floor(n / 5) % HAN_NAMES.length];
  return `${UYGHUR_NAMES[(n * 7) % UYGHUR_NAMES.length]}·${FATHERS[(n * 3 + Math.floor(n / 30)) % FATHERS.length]}`;
}

interface DemoGrid {
  id: number;
  code: string;
  name: string;
  level: number;
  parentId: number | null;
}

/**
 * Existing demo accounts that take a post; the rest of the grids get accounts made here (the district's head
 * too: a head assignment makes its holder a grid_head, and the district leader's demo account stays the plain
 * district_leader the role tests expect).
 */
const NAMED_POSTS: { username: string; gridName: string; dutyRole: "head" | "member" }[] = [
  { username: "office", gridName: "高昌区", dutyRole: "member" },
  { username: "gridhead", gridName: "亚尔镇", dutyRole: "head" },
  { username: "township", gridName: "亚尔镇", dutyRole: "member" },
  { username: "member", gridName: "亚尔村", dutyRole: "member" },
];

/** The browser test signs as this account: the head of 亚尔村, whose contract the seed leaves unsigned. */
export const DEMO_VILLAGE_HEAD = "villagehead";

/** Township contracts the seed leaves unsigned, so the district office has some waiting below it. */
const UNSIGNED_TOWNSHIPS = new Set(["亚尔镇", "艾丁湖乡", "原种场"]);
/** A village whose 五定 changes after signing: its contract shows a signed revision 1 and a draft revision 2. */
const REVISED_VILLAGE = "上湖村";

/**
 * The demo's 五定 and contracts: every grid gets a head and one to three members (some people serve in two
 * villages), the default duty list, tasks and rules, and this year's contracts — most signed, some not, one
 * revised after signing. Goes through the same commands as the API, audited as the system.
 */
export async function seedDemoWuding(
  outer: CommandContext,
  options: { password: string; departmentIds: ReadonlyMap<string, number> },
): Promise<{ accounts: number; assignments: number; contracts: number }> {
  // One enclosing transaction: each command's own transaction becomes a savepoint, which is much cheaper
  // than hundreds of separate commits on the embedded engine.
  return outer.db.transaction((tx) => seedInside({ ...outer, db: tx }, options));
}

async function seedInside(
  ctx: CommandContext,
  options: { password: string; departmentIds: ReadonlyMap<string, number> },
): Promise<{ accounts: number; assignments: number; contracts: number }> {
  const db = ctx.db;
  const grids = await rows<DemoGrid>(
    db,
    sql`select id, code, name, level, parent_id as "parentId" from grids where retired_at is null order by level, code`,
  );
  const gridByName = new Map(grids.map((g) => [g.name, g]));
  const userIdByName = new Map(
    (await rows<{ id: number; username: string }>(db, sql`select id, username from users`)).map((u) => [
      u.username,
      u.id,
    ]),
  );

  // One hash for every demo account: they share the demo password, and argon2 costs ~30 ms a time.
  const passwordHash = await hashPassword(options.password);
  let accounts = 0;
  let personIndex = 0;
  const newPerson = async (grid: DemoGrid, username: string, role: Role) => {
    const name = demoName(personIndex);
    personIndex += 1;
    const user = await createUser(
      ctx,
      {
        username,
        displayName: name,
        phone: `1389951${String(personIndex).padStart(4, "0")}`,
        password: options.password,
        roles: [{ role, gridId: grid.id }],
      },
      { passwordHash },
    );
    accounts += 1;
    return user.id;
  };

  let assignments = 0;
  const assign = async (grid: DemoGrid, userId: number, dutyRole: "head" | "member") => {
    await assignPersonnel(ctx, { gridId: grid.id, userId, dutyRole, startsOn: "2024-01-01" });
    assignments += 1;
  };
  for (const post of NAMED_POSTS) {
    const grid = gridByName.get(post.gridName);
    const userId = userIdByName.get(post.username);
    if (!grid || userId === undefined)
      throw new Error(`demo post ${post.username}@${post.gridName}: unknown`);
    await assign(grid, userId, post.dutyRole);
  }
  const taken = new Set(NAMED_POSTS.map((p) => `${p.gridName}/${p.dutyRole}`));

  const villageMembers: { grid: DemoGrid; userId: number }[] = [];
  for (const grid of grids) {
    if (!taken.has(`${grid.name}/head`)) {
      const username = grid.name === "亚尔村" ? DEMO_VILLAGE_HEAD : `head-${grid.code}`;
      await assign(grid, await newPerson(grid, username, "grid_head"), "head");
    }
    if (grid.level === 1) continue;
    if (grid.level === 2 || !taken.has(`${grid.name}/member`)) {
      const userId = await newPerson(grid, `member-${grid.code}`, "grid_member");
      await assign(grid, userId, "member");
      if (grid.level === 3) villageMembers.push({ grid, userId });
    }
  }
  // Some members also serve a neighbouring village of the same township (a person may serve in several grids).
  for (let i = 0; i < villageMembers.length; i++) {
    const here = villageMembers[i];
    const next = villageMembers[i + 1];
    if (i % 3 === 0 && next && next.grid.parentId === here.grid.parentId)
      await assign(next.grid, here.userId, "member");
  }
  // Members' phones are private by default; a few communities publish them (公开公示 per field).
  for (const grid of grids.filter((g) => g.name.endsWith("社区")).slice(0, 3)) {
    await updateDisclosure(ctx, grid.id, { ...DEFAULT_DISCLOSURE, memberPhones: true, version: 0 });
  }
  for (const line of defaultDutyLines(options.departmentIds))
    await createDutyLine(ctx, { ...line, gridId: null });
  for (const rule of DEFAULT_PATROL_RULES) await createPatrolRule(ctx, { ...rule, gridId: null });
  for (const rule of DEFAULT_REWARD_PENALTY_RULES)
    await createRewardPenaltyRule(ctx, { ...rule, gridId: null });
  const yaer = gridByName.get("亚尔村");
  if (yaer) {
    await createPatrolRule(ctx, {
      gridLevel: null,
      gridId: yaer.id,
      objectType: "construction_project",
      objectFlag: null,
      frequency: "weekly",
      timesPerPeriod: 1,
      description: "新城西门片区在建项目集中，加密巡查",
    });
  }
  const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format());
  const drafted = await generateContracts(ctx, { year });
  const toSign = await rows<{
    id: number;
    version: number;
    signerUserId: number;
    lowerName: string;
    lowerLevel: number;
  }>(
    db,
    sql`select c.id, c.version, c.signer_user_id as "signerUserId", g.name as "lowerName", g.level as "lowerLevel"
          from responsibility_contracts c join grids g on g.id = c.lower_grid_id
         where c.year = ${year} and c.status = 'draft' and c.signer_user_id is not null
         order by g.level, g.code`,
  );
  let villageIndex = 0;
  for (const contract of toSign) {
    const unsigned =
      contract.lowerLevel === 2
        ? UNSIGNED_TOWNSHIPS.has(contract.lowerName)
        : contract.lowerName !== REVISED_VILLAGE &&
          (contract.lowerName === "亚尔村" || villageIndex++ % 3 === 2);
    if (unsigned) continue;
    const signer = await loadActor(db, contract.signerUserId, 0);
    if (!signer) continue;
    await signContract({ db, actor: signer, ip: ctx.ip }, contract.id, { version: contract.version });
  }
  const revised = gridByName.get(REVISED_VILLAGE);
  if (revised) {
    await createRewardPenaltyRule(ctx, {
      gridLevel: null,
      gridId: revised.id,
      kind: "reward",
      ruleText: "坎儿井水源保护区全年无污染事件",
      points: 2,
      veto: false,
    });
    await generateContracts(ctx, { year, upperGridId: revised.parentId ?? undefined });
  }
  return { accounts, assignments, contracts: drafted.created.length };
}
