import { sql } from "drizzle-orm";
import type { GenerationResult } from "../../api-types/contracts.ts";
import { rows } from "../db/client.ts";
import { assembleContract } from "../domain/wuding/contract-text.ts";
import { forbidden, notFound } from "../errors.ts";
import { assertAllowed } from "../policies/allow.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { canDraftContractsAbove } from "../policies/wuding.ts";
import { loadContractFacts } from "../queries/contract-facts.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

interface Existing {
  id: number;
  status: "draft" | "signed";
  revision: number;
  upperGridId: number;
  lowerGridId: number;
  title: string;
  body: string;
  partyA: string;
  partyB: string;
  signerUserId: number | null;
  version: number;
}

/**
 * Drafts the year's responsibility contracts (责任状) between every grid the actor reaches and each of its
 * children — district↔township, township↔village — from the lower grid's duties, tasks and rules.
 *
 * Idempotent: the text is a pure function of the 五定, so running it again with nothing changed writes
 * nothing. A draft follows the 五定 until signed; a signed text is never touched — a change yields a new
 * revision to sign, and the signed one stays in force (and kept) until that revision is signed.
 */
export async function generateContracts(
  ctx: CommandContext,
  input: { year: number; upperGridId?: number },
): Promise<GenerationResult> {
  if (ctx.actor) assertAllowed(ctx.actor, "contract.generate");
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    // Two generations of one year would race on the same rows; the second waits and then finds them done.
    await tx.execute(sql`select pg_advisory_xact_lock(727300, ${input.year})`);
    if (input.upperGridId !== undefined) {
      const within = actor ? gridWithinScope(sql`path`, actor.scope) : sql`true`;
      const [upper] = await rows<{ path: string }>(
        tx,
        sql`select path from grids where id = ${input.upperGridId} and retired_at is null and ${within}`,
      );
      if (!upper) throw notFound();
      if (actor && !canDraftContractsAbove(actor, upper.path)) throw forbidden();
    }
    const reach = actor ? gridWithinScope(sql`u.path`, actor.scope) : sql`true`;
    const only = input.upperGridId === undefined ? sql`true` : sql`u.id = ${input.upperGridId}`;
    const pairs = await rows<{ upperId: number; lowerId: number }>(
      tx,
      sql`select u.id as "upperId", l.id as "lowerId"
            from grids l join grids u on u.id = l.parent_id
           where l.retired_at is null and u.retired_at is null and ${reach} and ${only}
           order by u.level, u.code, l.code`,
    );
    const facts = await loadContractFacts(tx, input.year, pairs);
    const existing = await rows<Existing>(
      tx,
      sql`select id, status, revision, upper_grid_id as "upperGridId",
                 lower_grid_id as "lowerGridId", title, body, party_a as "partyA",
                 party_b as "partyB", signer_user_id as "signerUserId", version
            from responsibility_contracts
           where year = ${input.year} and status in ('draft', 'signed')
             and lower_grid_id in (select l.id from grids l join grids u on u.id = l.parent_id
                                    where ${reach} and ${only})`,
    );
    const result: GenerationResult = {
      year: input.year,
      created: [],
      redrafted: [],
      revised: [],
      withdrawn: [],
      unchanged: 0,
    };
    const system = ctx.actor ? undefined : "system";

    for (const pair of pairs) {
      const entry = facts.get(pair.lowerId);
      if (!entry) continue;
      const text = assembleContract(entry.facts);
      const mine = existing.filter((c) => c.lowerGridId === pair.lowerId);
      const draft = mine.find((c) => c.status === "draft");
      const signed = mine.find((c) => c.status === "signed");
      const same = (c: Existing) =>
        c.body === text.body &&
        c.title === text.title &&
        c.partyA === text.partyA &&
        c.partyB === text.partyB &&
        c.signerUserId === entry.signerUserId &&
        c.upperGridId === pair.upperId;

      if (signed && same(signed)) {
        if (draft) {
          await tx.execute(
            sql`delete from responsibility_contracts where id = ${draft.id} and status = 'draft'`,
          );
          await recordAudit(tx, ctx, {
            action: "contract.withdraw_revision",
            entityType: "contract",
            entityId: draft.id,
            actorName: system,
            before: { status: "draft", revision: draft.revision },
            after: { reason: "text equals the signed revision", signedId: signed.id },
          });
          result.withdrawn.push(draft.id);
        } else {
          result.unchanged += 1;
        }
        continue;
      }
      if (draft) {
        if (same(draft)) {
          result.unchanged += 1;
          continue;
        }
        await tx.execute(
          sql`update responsibility_contracts
                 set upper_grid_id = ${pair.upperId}, title = ${text.title}, body = ${text.body},
                     party_a = ${text.partyA}, party_b = ${text.partyB}, signer_user_id = ${entry.signerUserId},
                     version = version + 1, updated_at = now()
               where id = ${draft.id} and status = 'draft'`,
        );
        await recordAudit(tx, ctx, {
          action: "contract.redraft",
          entityType: "contract",
          entityId: draft.id,
          actorName: system,
          // the parent too: after a grid move the new parent's redraft is what changes party A
          before: {
            upperGridId: draft.upperGridId,
            signerUserId: draft.signerUserId,
            bodyLength: draft.body.length,
            version: draft.version,
          },
          after: {
            upperGridId: pair.upperId,
            signerUserId: entry.signerUserId,
            bodyLength: text.body.length,
            version: draft.version + 1,
          },
        });
        result.redrafted.push(draft.id);
        continue;
      }
      const revision = signed ? signed.revision + 1 : await nextRevision(tx, pair.lowerId, input.year);
      const [created] = await rows<{ id: number }>(
        tx,
        sql`insert into responsibility_contracts (year, upper_grid_id, lower_grid_id, revision, supersedes_id, status,
                                                  title, body, party_a, party_b, signer_user_id)
            values (${input.year}, ${pair.upperId}, ${pair.lowerId}, ${revision}, ${signed?.id ?? null}, 'draft',
                    ${text.title}, ${text.body}, ${text.partyA}, ${text.partyB}, ${entry.signerUserId})
            returning id`,
      );
      await recordAudit(tx, ctx, {
        action: signed ? "contract.revise" : "contract.draft",
        entityType: "contract",
        entityId: created.id,
        actorName: system,
        after: {
          year: input.year,
          upperGridId: pair.upperId,
          lowerGridId: pair.lowerId,
          revision,
          supersedesId: signed?.id ?? null,
          signerUserId: entry.signerUserId,
        },
      });
      (signed ? result.revised : result.created).push(created.id);
    }
    return result;
  });
}

async function nextRevision(tx: CommandContext["db"], lowerId: number, year: number): Promise<number> {
  const [row] = await rows<{ next: number }>(
    tx,
    sql`select coalesce(max(revision), 0)::int + 1 as next from responsibility_contracts
         where lower_grid_id = ${lowerId} and year = ${year}`,
  );
  return row.next;
}
