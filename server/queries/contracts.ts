import { type SQL, sql } from "drizzle-orm";
import type { ContractDetail, ContractStatus, ContractSummary } from "../../api-types/contracts.ts";
import { type Db, rows } from "../db/client.ts";
import { notFound } from "../errors.ts";
import type { Actor, Scope } from "../policies/actor.ts";
import { allow } from "../policies/allow.ts";
import { gridWithinScope } from "../policies/grid-scope-sql.ts";

const SUMMARY = sql`c.id, c.year, c.revision, c.status, c.title,
  c.upper_grid_id as "upperGridId", ug.name as "upperGridName", ug.level as "upperGridLevel",
  c.lower_grid_id as "lowerGridId", lg.name as "lowerGridName", lg.code as "lowerGridCode", lg.level as "lowerGridLevel",
  c.party_a as "partyA", c.party_b as "partyB", c.signer_user_id as "signerUserId", su.display_name as "signerName",
  c.signed_by_name as "signedByName", c.signed_at as "signedAt", c.body_sha256 as "bodySha256",
  c.supersedes_id as "supersedesId", c.version, c.updated_at as "updatedAt"`;

const FROM = sql`responsibility_contracts c
  join grids ug on ug.id = c.upper_grid_id
  join grids lg on lg.id = c.lower_grid_id
  left join users su on su.id = c.signer_user_id`;

/**
 * A contract is visible to whoever reaches its lower grid: the level above (which reaches the whole subtree)
 * and the lower grid's own people. So a village head sees their own contract, not their neighbours'.
 */
const visible = (scope: Scope) => gridWithinScope(sql`lg.path`, scope);

/** A draft can be signed only while its party A is still the lower grid's parent (a grid move changes it). */
const SIGNABLE = sql`c.status = 'draft' and c.upper_grid_id is not distinct from lg.parent_id`;

export interface ContractFilter {
  year?: number;
  /** 'unsigned' = drafts; no status = those in force or awaiting signature (not superseded). */
  status?: ContractStatus | "unsigned";
  level?: number;
  upperGridId?: number;
  /** Only contracts the caller is to sign and has not signed yet. */
  mine?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listContracts(db: Db, actor: Actor, filter: ContractFilter) {
  const conditions: SQL[] = [visible(actor.scope)];
  if (filter.year !== undefined) conditions.push(sql`c.year = ${filter.year}`);
  if (filter.status === undefined) conditions.push(sql`c.status <> 'superseded'`);
  else conditions.push(sql`c.status = ${filter.status === "unsigned" ? "draft" : filter.status}`);
  if (filter.level !== undefined) conditions.push(sql`lg.level = ${filter.level}`);
  if (filter.upperGridId !== undefined) conditions.push(sql`c.upper_grid_id = ${filter.upperGridId}`);
  if (filter.mine) conditions.push(sql`c.signer_user_id = ${actor.userId} and ${SIGNABLE}`);
  if (filter.q) conditions.push(sql`(lg.name ilike ${`%${filter.q}%`} or ug.name ilike ${`%${filter.q}%`})`);
  const where = sql.join(conditions, sql` and `);
  const items = await rows<ContractSummary>(
    db,
    sql`select ${SUMMARY} from ${FROM} where ${where}
         order by c.year desc, lg.level, ug.code, lg.code, c.revision desc
         limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int as total from ${FROM} where ${where}`,
  );
  return { items, total };
}

/**
 * Unsigned contracts waiting on the level directly below the caller: the district office sees those of the
 * townships, a township's officer or head those of its villages. "Directly below" = the upper party is the
 * top of the caller's reach (the district for district-wide roles, the caller's own grids otherwise).
 */
export async function contractsAwaitingBelow(db: Db, actor: Actor, year: number) {
  const upper = actor.scope.allGrids
    ? sql`ug.parent_id is null`
    : actor.scope.gridIds.length === 0
      ? sql`false`
      : sql`ug.id in (${sql.join(
          actor.scope.gridIds.map((id) => sql`${id}`),
          sql`, `,
        )})`;
  const items = await rows<ContractSummary>(
    db,
    sql`select ${SUMMARY} from ${FROM}
         where c.status = 'draft' and c.year = ${year} and ${upper} and ${visible(actor.scope)}
         order by ug.code, lg.code`,
  );
  return { items, total: items.length };
}

export async function getContract(db: Db, actor: Actor, id: number): Promise<ContractDetail> {
  const [found] = await rows<Omit<ContractDetail, "revisions" | "policies"> & { signable: boolean }>(
    db,
    sql`select ${SUMMARY}, c.body, (${SIGNABLE}) as signable, c.signed_by as "signedBy", c.created_at as "createdAt",
               c.superseded_at as "supersededAt",
               case when c.body_sha256 is null then null
                    else c.body_sha256 = encode(sha256(convert_to(c.body, 'UTF8')), 'hex') end as "hashVerified"
          from ${FROM}
         where c.id = ${id} and ${visible(actor.scope)}`,
  );
  if (!found) throw notFound();
  const { signable, ...contract } = found;
  const revisions = await rows<ContractDetail["revisions"][number]>(
    db,
    sql`select id, revision, status, signed_at as "signedAt", body_sha256 as "bodySha256"
          from responsibility_contracts
         where lower_grid_id = ${contract.lowerGridId} and year = ${contract.year}
         order by revision`,
  );
  return {
    ...contract,
    revisions,
    policies: {
      sign: signable && contract.signerUserId === actor.userId && allow(actor, "contract.sign"),
    },
  };
}
