// No imports: the web app's tracking page uses this file too (web/src/api/publicCases.ts).

/** Crockford-like alphabet without look-alikes (0/O, 1/I/L): readable over the phone. */
export const TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const TRACKING_TAIL_LENGTH = 6;

/**
 * What the public progress route accepts as a tracking number (its params schema), and what the public
 * tracking page checks before asking: GC, the Shanghai date as 8 digits, 6 characters.
 */
export const TRACKING_NO_PATTERN = "^GC\\d{8}[2-9A-Z]{6}$";
const TRACKING_NO = new RegExp(TRACKING_NO_PATTERN);

/**
 * A tracking number as a person typed or pasted it: lower case, spaces or dashes between groups, full-width
 * letters and digits from a Chinese input method (ＧＣ２０２６…) all become the canonical form.
 */
export function normalizeTrackingNo(typed: string): string {
  return typed.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase();
}

export function isTrackingNo(value: string): boolean {
  return TRACKING_NO.test(value);
}
