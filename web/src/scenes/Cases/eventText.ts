/** Fields of an event's data worth showing, in this order. */
const SHOWN = [
  "reason",
  "summary",
  "note",
  "departmentName",
  "leadDepartmentName",
  "participantDepartmentNames",
  "assigneeName",
  "targetTrackingNo",
  "days",
  "handlingDays",
  "explanation",
] as const;

/** The id a department name of an event was written with (commands/case-transitioner.ts keeps both). */
const DEPARTMENT_IDS: Partial<Record<(typeof SHOWN)[number], string>> = {
  departmentName: "departmentId",
  leadDepartmentName: "leadDepartmentId",
  participantDepartmentNames: "participantDepartmentIds",
};

/**
 * The line a timeline entry shows under its title. Department names are given in the reader's language by
 * `departmentName(id, chineseName)`; the event itself keeps the Chinese name it was written with.
 */
export function eventText(
  data: Record<string, unknown>,
  departmentName: (id: number, fallback: string) => string,
): string {
  const parts: string[] = [];
  for (const key of SHOWN) {
    const value = data[key];
    if (value === undefined || value === null || value === "") continue;
    const idKey = DEPARTMENT_IDS[key];
    const ids = idKey === undefined ? undefined : [data[idKey]].flat();
    const texts = [value].flat().map((v, i) => {
      // a number from the API's transitions, a numeric string in the demo's seeded events
      const id = Number(ids?.[i]);
      return Number.isInteger(id) ? departmentName(id, String(v)) : String(v);
    });
    parts.push(texts.join("、"));
  }
  return parts.join("；");
}
