import type { DisputeParty } from "../../api-types/cases.ts";
import { decryptField, encryptField, type ReporterKeyRing, reporterAad } from "./reporter-crypto.ts";

/**
 * A dispute's first party is its complainant (投诉方), the resident who reported it, so it is kept like a
 * reporter's name: the whole party (its role text may identify them too) as one ciphertext bound to the case
 * and the field `complainant` (docs/decisions/0007-dispute-parties-encrypted.md). The other parties stay in
 * clear for the handlers. Returns both as stored; each is null when there is nothing to store.
 */
export function sealDisputeParties(
  ring: ReporterKeyRing,
  trackingNo: string,
  parties: readonly DisputeParty[] | null | undefined,
): { complainantEnc: string | null; others: DisputeParty[] | null } {
  if (!parties?.length) return { complainantEnc: null, others: null };
  const [{ name, role }, ...others] = parties;
  const complainant: DisputeParty = { name, ...(role ? { role } : {}) };
  return {
    complainantEnc: encryptField(ring, JSON.stringify(complainant), reporterAad(trackingNo, "complainant")),
    others,
  };
}

export function openComplainant(ring: ReporterKeyRing, trackingNo: string, token: string): DisputeParty {
  return JSON.parse(decryptField(ring, token, reporterAad(trackingNo, "complainant"))) as DisputeParty;
}
