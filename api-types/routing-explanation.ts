/**
 * Why a case went where it did, as a code with parameters: `explanationCode` and `explanationParams` of a case's
 * `routing` (and of its routing_override events), beside the Chinese `explanation` built from them
 * (server/domain/cases/routing-explanation.ts). Names are data: grids and departments carry their ids, which the
 * web names in the reader's language from its own lists, and the Chinese names they had when routed.
 * Type-only and import-free (docs/decisions/0006).
 */

/** A grid as routed: its Chinese name and level, and the Chinese names of its ancestors from the top. */
export interface ExplainedGrid {
  id: number;
  name: string;
  level: number;
  ancestorNames: string[];
}

export interface ExplainedDepartment {
  id: number;
  name: string;
}

/** Where the case went and which line of the duty list (责任清单) applied. */
export interface DutyParams {
  grid: ExplainedGrid;
  /** A matter category's code. */
  category: string;
  /** The category's item number in the duty list (责任清单第N项). */
  dutyItem: number;
  /** The line leads with the township (属地) rather than a department. */
  townshipLeads: boolean;
  /** The departments, lead first. */
  departments: ExplainedDepartment[];
}

/** Routing on intake: the grid containing the location, and the duty list's departments. */
export interface RoutedExplanation {
  code: "routed";
  params: DutyParams & { lng: number; lat: number };
}

/**
 * A staff override: who, why, what applies now, and the automatic routing it replaced — structured, or the
 * stored Chinese sentence of a routing recorded before explanations had codes.
 */
export interface OverriddenExplanation {
  code: "overridden";
  params: DutyParams & { by: string; reason: string; original: RoutedExplanation | { text: string } };
}

export type RoutingExplanation = RoutedExplanation | OverriddenExplanation;
