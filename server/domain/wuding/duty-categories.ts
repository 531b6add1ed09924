import { MATTER_CATEGORIES, type MatterCategory, matterCategory } from "../cases/matter-categories.ts";

/**
 * The duty list (定职责) is keyed on the case loop's matter categories, so that routing a case by category
 * finds its duty lines. `departments[0]` leads, the rest assist; `townshipLeads`: the township handles it.
 */
export type DutyCategory = MatterCategory;
export const DUTY_CATEGORIES: readonly DutyCategory[] = MATTER_CATEGORIES;
export const dutyCategory = (code: string): DutyCategory | undefined => matterCategory(code);
