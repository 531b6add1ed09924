import { sql } from "drizzle-orm";
import { rows } from "../db/client.ts";
import { AppError, conflict, contractParentChanged, notFound, staleVersion } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { assertAllowed } from "../policies/allow.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";
import { assignmentInForce } from "../queries/assignment-in-force-sql.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

export const notSigner = () =>
  new AppError(
    "not_signer",
    403,
    "您不是本责任状的签署责任人，只有乙方网格长本人可以签署",
    "Only the lower grid's head named in this contract may sign it",
  );

/**
 * The lower grid's head signs the contract with the level above (township head for district↔township,
 * village head for township↔village). Signing freezes the text: the database stores its SHA-256, computed by
 * the database from the stored text in the same statement, and refuses any later change of it (trigger in
 * 0003_wuding.sql). A signed earlier revision is superseded — kept, no longer in force.
 */
export async function signContract(
  ctx: CommandContext & { actor: Actor },
  id: number,
  input: { version: number },
) {
  assertAllowed(ctx.actor, "contract.sign");
  return ctx.db.transaction(async (tx) => {
    // The lower grid is share-locked so a grid move waits: party A is still its parent when signed.
    const [contract] = await rows<{
      id: number;
      status: string;
      version: number;
      revision: number;
      year: number;
      lowerGridId: number;
      parentCurrent: boolean;
      signerUserId: number | null;
      supersedesId: number | null;
    }>(
      tx,
      sql`select c.id, c.status, c.version, c.revision, c.year, c.lower_grid_id as "lowerGridId",
                 c.upper_grid_id is not distinct from l.parent_id as "parentCurrent",
                 c.signer_user_id as "signerUserId", c.supersedes_id as "supersedesId"
            from responsibility_contracts c join grids l on l.id = c.lower_grid_id
           where c.id = ${id} and ${gridWithinScope(sql`l.path`, ctx.actor.scope)}
           for update of c for share of l`,
    );
    if (!contract) throw notFound();
    if (contract.signerUserId !== ctx.actor.userId) throw notSigner();
    if (contract.status === "signed") {
      throw conflict("本责任状已签署，不能重复签署", "This contract is already signed");
    }
    if (contract.status === "superseded") {
      throw conflict("本责任状已被新版本取代", "This contract has been superseded");
    }
    if (!contract.parentCurrent) throw contractParentChanged();
    if (contract.version !== input.version) throw staleVersion();
    const [stillHead] = await rows<{ ok: boolean }>(
      tx,
      sql`select true as ok from grid_personnel p
           where p.grid_id = ${contract.lowerGridId} and p.user_id = ${ctx.actor.userId}
             and p.duty_role = 'head' and ${assignmentInForce("p")} limit 1`,
    );
    if (!stillHead) {
      throw conflict(
        "您已不是该网格的网格长，请上级网格重新生成责任状",
        "You no longer head this grid; the level above must redraft the contract",
      );
    }
    const [previous] = await rows<{ id: number }>(
      tx,
      sql`update responsibility_contracts
             set status = 'superseded', superseded_at = now(), version = version + 1, updated_at = now()
           where lower_grid_id = ${contract.lowerGridId} and year = ${contract.year} and status = 'signed'
          returning id`,
    );
    const [signed] = await rows<{ id: number; bodySha256: string; signedAt: string; version: number }>(
      tx,
      sql`update responsibility_contracts
             set status = 'signed', signed_by = ${ctx.actor.userId}, signed_by_name = ${ctx.actor.displayName},
                 signed_at = now(), signed_ip = ${ctx.ip},
                 body_sha256 = encode(sha256(convert_to(body, 'UTF8')), 'hex'),
                 version = version + 1, updated_at = now()
           where id = ${id} and version = ${input.version} and status = 'draft'
          returning id, body_sha256 as "bodySha256", signed_at as "signedAt", version`,
    );
    if (!signed) throw staleVersion();
    await recordAudit(tx, ctx, {
      action: "contract.sign",
      entityType: "contract",
      entityId: id,
      before: { status: "draft", version: input.version },
      after: {
        status: "signed",
        revision: contract.revision,
        bodySha256: signed.bodySha256,
        signedAt: signed.signedAt,
        supersededId: previous?.id ?? null,
      },
    });
    return signed;
  });
}
