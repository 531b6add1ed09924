/**
 * Responsibility contracts (责任状): what server/queries/contracts.ts answers and web/src/api/wudingTypes.ts
 * reads. Type-only and import-free, so both the server and the web project can use it (docs/decisions/0006).
 */

export type ContractStatus = "draft" | "signed" | "superseded";

export interface ContractSummary {
  id: number;
  year: number;
  revision: number;
  status: ContractStatus;
  title: string;
  upperGridId: number;
  upperGridName: string;
  upperGridLevel: number;
  lowerGridId: number;
  lowerGridName: string;
  lowerGridCode: string;
  lowerGridLevel: number;
  partyA: string;
  partyB: string;
  signerUserId: number | null;
  signerName: string | null;
  signedByName: string | null;
  signedAt: string | null;
  bodySha256: string | null;
  supersedesId: number | null;
  version: number;
  updatedAt: string;
}

export interface ContractDetail extends ContractSummary {
  body: string;
  signedBy: number | null;
  /** Recomputed now from the stored text: true when it still hashes to the recorded SHA-256. */
  hashVerified: boolean | null;
  createdAt: string;
  supersededAt: string | null;
  revisions: {
    id: number;
    revision: number;
    status: ContractStatus;
    signedAt: string | null;
    bodySha256: string | null;
  }[];
  policies: { sign: boolean };
}

/** What generating a year's contracts did (server/commands/contract-generator.ts), by contract id. */
export interface GenerationResult {
  year: number;
  /** First drafts of the year. */
  created: number[];
  /** Drafts whose text followed a change of the 五定 before anyone signed. */
  redrafted: number[];
  /** New revisions of signed contracts whose 五定 changed since; the signed one stays in force until then. */
  revised: number[];
  /** Pending revisions dropped because the 五定 came back to what was signed. */
  withdrawn: number[];
  unchanged: number;
}
