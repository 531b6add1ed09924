/** Evidence types accepted, recognized by their first bytes (magic numbers), never by name or header. */
export const EVIDENCE_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (bytes.length >= 3 && starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (bytes.length >= 8 && starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  // RIFF....WEBP
  if (bytes.length >= 12 && starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  if (bytes.length >= 5 && starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  return null;
}

export type PhotoType = Exclude<EvidenceType, "application/pdf">;

export function isPhoto(type: EvidenceType): type is PhotoType {
  return type !== "application/pdf";
}

export const EXTENSION_OF: Record<EvidenceType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};
