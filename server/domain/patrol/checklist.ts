/**
 * The default checklist (检查表) of a patrol check-in, per object type: what the member looks at. Answers are
 * "ok" (正常), "problem" (发现问题) or "na" (不适用); a problem is described in the check-in's finding.
 */
export const CHECKLISTS: Record<string, readonly { key: string; label: string }[]> = {
  enterprise: [
    { key: "facilities_running", label: "污染防治设施正常运行" },
    { key: "outlet_normal", label: "排放口无异常排放（颜色、气味）" },
    { key: "waste_stored", label: "固废、危废规范贮存" },
    { key: "permit_posted", label: "排污许可证件公示" },
  ],
  water_source: [
    { key: "no_outfall", label: "保护区内无排污口" },
    { key: "no_garbage", label: "无垃圾堆放" },
    { key: "no_building", label: "无违规建设" },
    { key: "signs_intact", label: "界标、警示牌完好" },
  ],
  hazard: [
    { key: "measures_in_place", label: "防范措施落实" },
    { key: "no_leak", label: "无泄漏、无异味" },
    { key: "emergency_kit", label: "应急物资到位" },
  ],
  construction_project: [
    { key: "dust_control", label: "扬尘防治（围挡、覆盖、洒水）" },
    { key: "eia_posted", label: "环评手续公示" },
    { key: "no_night_noise", label: "无夜间违规施工噪声" },
  ],
  ecological_area: [
    { key: "no_damage", label: "无破坏植被、开垦" },
    { key: "no_dumping", label: "无倾倒垃圾、渣土" },
  ],
  rural_site: [
    { key: "facility_working", label: "污水、垃圾处理设施运行" },
    { key: "site_clean", label: "村容整洁" },
  ],
};

export const CHECKLIST_ANSWERS = ["ok", "problem", "na"] as const;

/** Why the answers do not fit the object type's checklist, or null. */
export function checklistError(objectType: string, answers: Record<string, string>): string | null {
  const items = CHECKLISTS[objectType] ?? [];
  const keys = new Set(items.map((i) => i.key));
  for (const [key, value] of Object.entries(answers)) {
    if (!keys.has(key)) return `检查项“${key}”不属于该类监管对象的检查表`;
    if (!(CHECKLIST_ANSWERS as readonly string[]).includes(value)) return `检查项“${key}”的回答无效`;
  }
  return null;
}

/** Plausibility limits of GPS points (flags in patrol_track_points.flags). */
export const TRACK_LIMITS = { maxSpeedKmh: 150, maxAccuracyM: 100 } as const;
export const TRACK_FLAG = { speed: 1, accuracy: 2, timeBackwards: 4, outOfArea: 8 } as const;

export function flagNames(flags: number): string[] {
  return Object.entries(TRACK_FLAG)
    .filter(([, bit]) => (flags & bit) !== 0)
    .map(([name]) => name);
}
