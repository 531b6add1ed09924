// Shapes of the 五定 and responsibility-contract API (server/routes/wuding, server/routes/contracts).

export type {
  ContractDetail,
  ContractStatus,
  ContractSummary,
  GenerationResult,
} from "../../../api-types/contracts";

// Everything of the shared 五定 module, under the same names.
export type * from "../../../api-types/wuding";
