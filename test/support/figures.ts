import fs from "node:fs";
import path from "node:path";
import { testEngine } from "./engine.ts";

export const FIGURES_FILE = path.resolve("test-results", "trust-figures.jsonl");

/** Trust-suite figures, one JSON line each; `npm run verify:trust` gathers them into one object. */
export function recordFigure(name: string, values: Record<string, number | string | boolean>): void {
  fs.mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  fs.appendFileSync(FIGURES_FILE, `${JSON.stringify({ name, engine: testEngine(), ...values })}\n`);
}

export type Figure = { name: string; engine: string } & Record<string, number | string | boolean>;

/** Figures every engine's run must produce; one missing means a suite did not get that far. */
const EXPECTED = [
  "authz.matrix",
  "authz.scope",
  "authz.scopedWrites",
  "hostile.malformed",
  "hostile.injection",
  "hostile.multipart",
  "hostile.uploadNames",
  "crash.sigkill",
  "backup.drill",
  "concurrency.transitions",
  "concurrency.idempotency",
];

/**
 * The headline numbers of `npm run verify:trust`, summed over the engines: what was tried and what went wrong
 * (leaks, 5xx, unintended changes, lost writes, mismatches — all must be 0), plus every raw figure by engine.
 */
export function summarizeFigures(figures: Figure[], engines: number) {
  const sum = (name: string, field: string) =>
    figures.filter((f) => f.name === name).reduce((n, f) => n + Number(f[field] ?? 0), 0);
  const max = (name: string, field: string) =>
    Math.max(0, ...figures.filter((f) => f.name === name).map((f) => Number(f[field] ?? 0)));
  const all = (name: string, field: string) =>
    figures.filter((f) => f.name === name).every((f) => f[field] === true);

  const totals = {
    matrix: {
      routes: max("authz.matrix", "routes"),
      roles: max("authz.matrix", "roles"),
      routeRoleCalls: sum("authz.matrix", "checked"),
      outOfScopeReads: sum("authz.scope", "checked"),
      outOfScopeWrites: sum("authz.scopedWrites", "writesTried"),
      checked:
        sum("authz.matrix", "checked") +
        sum("authz.scope", "checked") +
        sum("authz.scopedWrites", "writesTried"),
      leaks: sum("authz.matrix", "leaks") + sum("authz.scope", "leaks") + sum("authz.scopedWrites", "leaks"),
      writeChanges: sum("authz.scopedWrites", "changesSeen"),
      // the same writes by a role that reaches the record: they must get past the scope check
      inScopeControls: sum("authz.scopedWrites", "inScopeControls"),
      badControls: sum("authz.scopedWrites", "badControls"),
    },
    hostile: {
      inputs:
        sum("hostile.malformed", "inputs") +
        sum("hostile.injection", "inputs") +
        sum("hostile.multipart", "inputs") +
        sum("hostile.uploadNames", "inputs"),
      uploadInputs: sum("hostile.multipart", "inputs") + sum("hostile.uploadNames", "inputs"),
      serverErrors:
        sum("hostile.malformed", "serverErrors") +
        sum("hostile.injection", "serverErrors") +
        sum("hostile.multipart", "serverErrors"),
      accepted: sum("hostile.malformed", "accepted") + sum("hostile.multipart", "accepted"),
      unintendedChanges:
        sum("hostile.malformed", "unintendedChanges") +
        sum("hostile.multipart", "unintendedChanges") +
        sum("hostile.uploadNames", "filesOutsideStorage") +
        sum("hostile.uploadNames", "badStoragePaths"),
    },
    crash: {
      attempted: sum("crash.sigkill", "attempted"),
      acknowledged: sum("crash.sigkill", "acknowledged"),
      lost: sum("crash.sigkill", "lost"),
      auditChainOk: all("crash.sigkill", "auditOk"),
    },
    backup: {
      tablesCompared: sum("backup.drill", "tables"),
      mismatches: sum("backup.drill", "mismatches"),
      auditChainOk: all("backup.drill", "auditOk"),
    },
    concurrency: {
      rounds: sum("concurrency.transitions", "rounds"),
      clientsPerRound: max("concurrency.transitions", "clients"),
      winners: sum("concurrency.transitions", "winners"),
      losers: sum("concurrency.transitions", "losers"),
      idempotentReplays: sum("concurrency.idempotency", "replays"),
      recordsFromReplays: sum("concurrency.idempotency", "records"),
      auditMismatches:
        sum("concurrency.transitions", "auditMismatches") + sum("concurrency.idempotency", "auditMismatches"),
    },
  };
  const missing = EXPECTED.filter((name) => figures.filter((f) => f.name === name).length < engines);
  const ok =
    missing.length === 0 &&
    totals.matrix.leaks === 0 &&
    totals.matrix.writeChanges === 0 &&
    totals.matrix.badControls === 0 &&
    totals.hostile.serverErrors === 0 &&
    totals.hostile.accepted === 0 &&
    totals.hostile.unintendedChanges === 0 &&
    totals.crash.lost === 0 &&
    totals.crash.auditChainOk &&
    totals.backup.mismatches === 0 &&
    totals.backup.auditChainOk &&
    totals.concurrency.auditMismatches === 0 &&
    totals.concurrency.winners === totals.concurrency.rounds &&
    totals.concurrency.recordsFromReplays === engines;
  const byEngine: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const { name, engine, ...values } of figures) {
    byEngine[engine] ??= {};
    byEngine[engine][name] = values;
  }
  return { ok, totals: { ...totals, missingFigures: missing }, byEngine };
}
