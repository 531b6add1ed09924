import data from "./cn-work-calendar.json" with { type: "json" };
import { WorkCalendar } from "./work-calendar.ts";

/** The official 2025–2026 notices shipped with the code; later years come from the administrators' table. */
export const CN_WORK_CALENDAR_DATA = data;

export function defaultWorkCalendar(): WorkCalendar {
  return new WorkCalendar(data);
}
