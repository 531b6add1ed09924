export * from "./grid-versions.ts";
export * from "./grids.ts";
export * from "./objects.ts";
export * from "./system.ts";
export * from "./users.ts";
export * from "./wuding.ts";
