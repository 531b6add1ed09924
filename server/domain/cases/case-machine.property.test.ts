import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role, SEPARATED_ADMIN_ROLES } from "../roles.ts";
import {
  CASE_ACTION_NAMES,
  CASE_ACTIONS,
  type CaseAction,
  type CaseActor,
  type Grant,
  type Jurisdiction,
  meetsJurisdiction,
  rolesAllowedFor,
} from "./case-actions.ts";
import { testRules } from "./case-fixtures.ts";
import { type CaseCommand, decide, openCase } from "./case-machine.ts";
import { type CaseStage, type CaseState, HANDLING_RESULTS, isTerminal } from "./case-state.ts";
import { PRIORITIES } from "./priorities.ts";

/** One random attempt: which action, by whom, with which payload, on which version, how much later. */
interface Attempt {
  pick: number;
  /** guided: an action the case's handler set-up can take, by a role granted it; fitting: any action of the
   * stage by one role of one of its grants; random: any action at all, random roles and facts. */
  mode: "guided" | "fitting" | "random";
  roles: Role[];
  facts: { inCaseGrid: boolean; isAssignedDepartment: boolean; isDistrict: boolean };
  userId: string;
  variant: number;
  versionSkew: number;
  hours: number;
}

const USERS = ["u1", "u2", "u3"];
const attempt: fc.Arbitrary<Attempt> = fc.record({
  pick: fc.nat(),
  mode: fc.oneof(
    { weight: 6, arbitrary: fc.constant("guided" as const) },
    { weight: 2, arbitrary: fc.constant("fitting" as const) },
    { weight: 2, arbitrary: fc.constant("random" as const) },
  ),
  roles: fc.subarray([...ROLES], { maxLength: 3 }),
  facts: fc.record({
    inCaseGrid: fc.boolean(),
    isAssignedDepartment: fc.boolean(),
    isDistrict: fc.boolean(),
  }),
  userId: fc.constantFrom(...USERS),
  variant: fc.nat(),
  versionSkew: fc.oneof(
    { weight: 9, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0) },
  ),
  hours: fc.integer({ min: 0, max: 72 }),
});

const opened = fc.record({
  category: fc.constantFrom("industrial_air", "drinking_water_source", "road_dust", "other"),
  priority: fc.constantFrom(...PRIORITIES),
  reporterReplyRequired: fc.boolean(),
  start: fc.date({
    min: new Date("2025-01-01T00:00:00Z"),
    max: new Date("2026-06-30T00:00:00Z"),
    noInvalidDate: true,
  }),
});

const FACT_OF: Record<Jurisdiction, keyof Attempt["facts"]> = {
  case_grid: "inCaseGrid",
  handling_grid: "inCaseGrid",
  assigned_department: "isAssignedDepartment",
  handling_department: "isAssignedDepartment",
  district: "isDistrict",
};

/** A payload that is valid most of the time and deliberately broken about one time in five. */
function payloadFor(action: CaseAction, a: Attempt): Record<string, unknown> {
  const broken = a.variant % 5 === 0;
  const text = broken ? " " : "说明";
  switch (action) {
    case "reject":
    case "return_transfer":
    case "deny_extension":
      return { reason: text };
    case "merge_into":
      return { targetCaseId: broken ? "c" : "c-other" };
    case "transfer":
      return { departmentId: "eco", ...(a.variant % 3 === 0 ? {} : { handlingDays: broken ? 0 : 5 }) };
    case "organize_joint":
      return { leadDepartmentId: "eco", participantDepartmentIds: broken ? [] : ["water"] };
    case "request_extension":
      return { days: 1 + (a.variant % 35), reason: "需要检测" };
    case "record_handling":
      return { result: HANDLING_RESULTS[a.variant % 4], summary: text, evidenceIds: [] };
    case "give_feedback":
    case "reply_to_reporter":
    case "disclose":
      return { summary: text };
    case "request_verification":
      return { assigneeId: USERS[a.variant % USERS.length] };
    case "record_verification":
      return {
        passed: Math.floor(a.variant / 7) % 3 !== 0,
        note: "复核",
        evidenceIds: broken ? [] : ["photo"],
      };
    default:
      return {};
  }
}

/** An attempt whose payload is valid (variant 1 is never one of the broken ones). */
const VALID = { variant: 1 } as Attempt;
const ENDINGS: readonly CaseAction[] = ["reject", "merge_into"];
const ALL_FACTS = { inCaseGrid: true, isAssignedDepartment: true, isDistrict: true };

/** Picks the action and the actor of an attempt according to its mode. */
function choose(state: CaseState, a: Attempt): { action: CaseAction; actor: CaseActor } {
  const open = CASE_ACTION_NAMES.filter((n) =>
    (CASE_ACTIONS[n].from as readonly CaseStage[]).includes(state.stage),
  );
  if (a.mode === "random" || open.length === 0) {
    const action = CASE_ACTION_NAMES[a.pick % CASE_ACTION_NAMES.length];
    return { action, actor: { userId: a.userId, roles: a.roles, ...a.facts } };
  }
  const probe: CaseActor = { userId: a.userId, roles: [], ...ALL_FACTS };
  const pairs = open.flatMap((action) =>
    (CASE_ACTIONS[action].grants as readonly Grant[])
      .filter((g) => a.mode === "fitting" || meetsJurisdiction(g.requires, state, probe))
      .map((grant) => ({ action, grant })),
  );
  // rejecting or merging ends a run at once: keep them rare so that runs get deep into the loop
  const progressing = pairs.filter((p) => !ENDINGS.includes(p.action));
  const pool = progressing.length > 0 && a.pick % 8 !== 0 ? progressing : pairs;
  const { action, grant } = pool[a.pick % pool.length];
  return { action, actor: { ...probe, roles: [grant.roles[a.variant % grant.roles.length]] } };
}

/** Whether some grant of the action matches one of the actor's roles with the fact it requires. */
function grantedByFacts(action: CaseAction, actor: CaseActor): boolean {
  const grants: readonly Grant[] = CASE_ACTIONS[action].grants;
  return grants.some((g) => g.roles.some((r) => actor.roles.includes(r)) && actor[FACT_OF[g.requires]]);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const stats = { runs: 0, closed: 0, reworked: 0, transferred: 0, joint: 0, extended: 0 };

describe("case machine properties", () => {
  it("holds its invariants over random command sequences by random actors", () => {
    fc.assert(
      fc.property(opened, fc.array(attempt, { minLength: 40, maxLength: 120 }), (o, attempts) => {
        let now = o.start;
        let state = deepFreeze(openCase({ id: "c", ...o }, now, testRules));
        let visitedVerifying = false;
        let verificationPassed = false;
        stats.runs += 1;

        for (const a of attempts) {
          now = new Date(now.getTime() + a.hours * 3_600_000);
          const { action, actor } = choose(state, a);
          const command = {
            action,
            version: state.version + a.versionSkew,
            ...payloadFor(action, a),
          } as CaseCommand;
          const before = structuredClone(state);
          const decision = decide(state, command, actor, now, testRules);

          // (iv) a stale version is refused whatever else is wrong, and nothing changes
          if (a.versionSkew !== 0) {
            expect(decision).toEqual({ ok: false, reason: "stale_version" });
            expect(state).toEqual(before);
            continue;
          }
          if (!decision.ok) {
            // (iii) a role outside the allowed set is refused as such
            if (!rolesAllowedFor(action).some((r) => actor.roles.includes(r)))
              expect(decision.reason).toBe("forbidden_role");
            expect(state).toEqual(before);
            continue;
          }
          const { next, events } = decision;
          // (iii) an accepted transition always had a granted role with its scope fact, from an allowed stage
          expect(grantedByFacts(action, actor)).toBe(true);
          expect(CASE_ACTIONS[action].from as readonly CaseStage[]).toContain(state.stage);
          // (v) the version goes up by exactly one
          expect(next.version).toBe(state.version + 1);
          // (ii) open cases have one deadline, for their stage; terminal ones none
          if (isTerminal(next.stage)) expect(next.deadline).toBeNull();
          else expect(next.deadline?.stage).toBe(next.stage);
          expect(events[0]).toMatchObject({ type: "transition", action, from: state.stage, to: next.stage });

          // (i) closed only right after a successful re-check of the current round of handling
          if (next.stage === "verifying") visitedVerifying = true;
          if (next.stage === "verified") verificationPassed = true;
          if (next.stage === "handling" || next.stage === "joint_investigation") verificationPassed = false;
          if (next.stage === "closed" && state.stage !== "closed") {
            expect(state.stage).toBe("verified");
            expect(visitedVerifying && verificationPassed).toBe(true);
            expect(next.verificationPassedAt).not.toBeNull();
            stats.closed += 1;
          }
          if (action === "record_verification" && next.stage !== "verified") stats.reworked += 1;
          if (action === "accept_transfer") stats.transferred += 1;
          if (action === "organize_joint") stats.joint += 1;
          if (action === "approve_extension") stats.extended += 1;
          state = deepFreeze(next);
        }
      }),
      { numRuns: 400 },
    );
    // the generator must actually reach the interesting parts of the machine
    expect(stats.closed).toBeGreaterThan(10);
    expect(Math.min(stats.reworked, stats.transferred, stats.joint, stats.extended)).toBeGreaterThan(0);
  });

  it("never lets supervisors, the public or the 三员 administrators fire any transition", () => {
    const bystanders: Role[] = ["supervisor", "public", ...SEPARATED_ADMIN_ROLES];
    for (const action of CASE_ACTION_NAMES)
      expect(
        rolesAllowedFor(action).filter((r) => bystanders.includes(r)),
        action,
      ).toEqual([]);
  });

  it("refuses every action on a rejected or merged case, whoever tries", () => {
    const start = new Date("2025-06-02T02:00:00Z");
    const township: CaseActor = { userId: "t", roles: ["township_officer"], ...ALL_FACTS };
    const fresh = openCase(
      { id: "c", category: "other", priority: "normal", reporterReplyRequired: true },
      start,
      testRules,
    );
    const endings: CaseCommand[] = [
      { action: "reject", version: 1, reason: "无效" },
      { action: "merge_into", version: 1, targetCaseId: "c0" },
    ];
    for (const ending of endings) {
      const end = decide(fresh, ending, township, start, testRules);
      if (!end.ok) throw new Error(end.reason);
      for (const action of CASE_ACTION_NAMES)
        for (const role of rolesAllowedFor(action)) {
          const actor: CaseActor = { userId: "x", roles: [role], ...ALL_FACTS };
          const command = { action, version: end.next.version, ...payloadFor(action, VALID) } as CaseCommand;
          expect(decide(end.next, command, actor, start, testRules)).toEqual({
            ok: false,
            reason: "invalid_stage",
          });
        }
    }
  });
});
