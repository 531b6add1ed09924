import { shanghaiDate } from "../calendar/work-calendar.ts";
import { TRACKING_ALPHABET, TRACKING_TAIL_LENGTH } from "./tracking-number-shape.ts";

/**
 * GC + Shanghai date + 6 characters drawn by `draw(n)` (an integer below n): unguessable enough to follow a
 * report with crypto randomness, and says nothing about it. 31⁶ ≈ 887 million a day, so two numbers of one
 * day can still clash (about 1 in 250 on a day of 2,700 cases): whoever stores them must draw again.
 */
export function trackingNumber(at: Date, draw: (n: number) => number): string {
  let tail = "";
  for (let i = 0; i < TRACKING_TAIL_LENGTH; i++) tail += TRACKING_ALPHABET[draw(TRACKING_ALPHABET.length)];
  return `GC${shanghaiDate(at).replaceAll("-", "")}${tail}`;
}
