import fs from "node:fs";
import path from "node:path";
import { testEngine } from "./engine.ts";

export const FIGURES_FILE = path.resolve("test-results", "trust-figures.jsonl");

/** Trust-suite figures, one JSON line each; `npm run verify:trust` gathers them into one object. */
export function recordFigure(name: string, values: Record<string, number | string | boolean>): void {
  fs.mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  fs.appendFileSync(FIGURES_FILE, `${JSON.stringify({ name, engine: testEngine(), ...values })}\n`);
}
