/** Role codes of DOMAIN.md §1. The three *_admin roles are the 三员 of 等保三级 and never overlap. */
export const ROLES = [
  "grid_member",
  "grid_head",
  "township_officer",
  "district_office",
  "district_leader",
  "department_officer",
  "department_head",
  "supervisor",
  "public",
  "sys_admin",
  "sec_admin",
  "audit_admin",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose reach is a grid subtree; they must carry a grid. */
export const GRID_SCOPED_ROLES: readonly Role[] = ["grid_member", "grid_head", "township_officer"];
/** Roles whose reach is one department; they must carry a department. */
export const DEPARTMENT_SCOPED_ROLES: readonly Role[] = ["department_officer", "department_head"];
/** Roles that see the whole district's grid (oversight and dispatch). */
export const DISTRICT_WIDE_ROLES: readonly Role[] = ["district_office", "district_leader", "supervisor"];
export const SEPARATED_ADMIN_ROLES: readonly Role[] = ["sys_admin", "sec_admin", "audit_admin"];

/** Permissions named by what they let a person do; the UI builds its menu from them. */
export const PERMISSIONS = [
  "grid.read",
  "user.manage",
  "settings.manage",
  "audit.read",
  "department.read",
  /** Read cases in one's case scope (policies/case-access.ts) and act on them as the machine allows. */
  "case.read",
  /** File a case from at least one source (domain/cases/case-sources.ts says which). */
  "case.report",
  /** The district's supervision board (督查督办): due soon, overdue, by unit. */
  "supervision.read",
  "object.read",
  "object.manage",
  // Create, edit, move, retire grids and import their boundaries: the district office everywhere, a township
  // officer below their own township (policies/grid-admin-scope.ts).
  "grid.manage",
  // 五定 and responsibility contracts (责任状)
  "wuding.read",
  "wuding.manage",
  "contract.read",
  "contract.generate",
  "contract.sign",
  // Patrol (巡查): grid staff patrol their grids; everyone overseeing grids reads plans, ledgers, coverage.
  "patrol.read",
  "patrol.perform",
  /** District KPIs (考核指标): the township's own for a township officer, all for the district's overseers. */
  "dashboard.read",
  /**
   * Department KPIs (部门考核): a department's own work for its staff, every department's work on the
   * township's cases for a township officer, all for the overseers (policies/department-kpi-reach.ts).
   */
  "department_kpis.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  grid_member: ["grid.read", "department.read", "wuding.read", "contract.read", "case.read", "case.report"],
  // A grid head signs the contract with the level above (DOMAIN.md §1); a person becomes one through a
  // personnel assignment as well as through an account role.
  grid_head: [
    "grid.read",
    "department.read",
    "wuding.read",
    "contract.read",
    "contract.sign",
    "case.read",
    "case.report",
  ],
  // Managing the 五定 and drafting contracts reaches the grids *below* the manager's own (policies/wuding.ts).
  township_officer: [
    "grid.read",
    "department.read",
    "grid.manage",
    "wuding.read",
    "wuding.manage",
    "contract.read",
    "contract.generate",
    "case.read",
    "case.report",
  ],
  district_office: [
    "grid.read",
    "department.read",
    "grid.manage",
    "wuding.read",
    "wuding.manage",
    "contract.read",
    "contract.generate",
    "case.read",
    "case.report",
    "supervision.read",
  ],
  district_leader: [
    "grid.read",
    "department.read",
    "wuding.read",
    "contract.read",
    "case.read",
    "case.report",
    "supervision.read",
  ],
  department_officer: ["grid.read", "department.read", "wuding.read", "case.read", "case.report"],
  department_head: ["grid.read", "department.read", "wuding.read", "case.read", "case.report"],
  supervisor: [
    "grid.read",
    "department.read",
    "wuding.read",
    "contract.read",
    "case.read",
    "supervision.read",
  ],
  // residents file reports (and follow them by tracking number); they read no case through the staff API
  public: ["case.report"],
  // 三员: the system administrator configures, the security administrator manages accounts, the audit
  // administrator reads the audit trail; none of them has another's permission.
  sys_admin: ["settings.manage"],
  sec_admin: ["user.manage", "grid.read", "department.read"],
  audit_admin: ["audit.read"],
};

/**
 * The register of supervised objects (监管对象): kept by the district office and by township officers for
 * their subtree; read by every business role within its scope. Kept apart from ROLE_PERMISSIONS so each
 * feature's grants read as one block.
 */
const OBJECT_REGISTER_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  district_office: ["object.read", "object.manage"],
  township_officer: ["object.read", "object.manage"],
  district_leader: ["object.read"],
  grid_head: ["object.read"],
  grid_member: ["object.read"],
  department_officer: ["object.read"],
  department_head: ["object.read"],
  supervisor: ["object.read"],
};

/** Patrol (docs/patrol.md): grid staff patrol; the levels above and oversight read ledgers and coverage. */
const PATROL_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  grid_member: ["patrol.read", "patrol.perform"],
  grid_head: ["patrol.read", "patrol.perform"],
  township_officer: ["patrol.read"],
  district_office: ["patrol.read"],
  district_leader: ["patrol.read"],
  supervisor: ["patrol.read"],
};

/** KPIs (docs/performance.md, DOMAIN.md §5): the units that evaluate and those that oversee. */
const DASHBOARD_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  township_officer: ["dashboard.read", "department_kpis.read"],
  district_office: ["dashboard.read", "department_kpis.read"],
  district_leader: ["dashboard.read", "department_kpis.read"],
  supervisor: ["dashboard.read", "department_kpis.read"],
  department_officer: ["department_kpis.read"],
  department_head: ["department_kpis.read"],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) {
    for (const p of ROLE_PERMISSIONS[role]) set.add(p);
    for (const p of OBJECT_REGISTER_PERMISSIONS[role] ?? []) set.add(p);
    for (const p of PATROL_PERMISSIONS[role] ?? []) set.add(p);
    for (const p of DASHBOARD_PERMISSIONS[role] ?? []) set.add(p);
  }
  return PERMISSIONS.filter((p) => set.has(p));
}

/** Why a combination of roles on one account is refused, or null if allowed. */
export function roleCombinationError(roles: readonly Role[]): string | null {
  const admins = roles.filter((r) => SEPARATED_ADMIN_ROLES.includes(r));
  if (new Set(admins).size > 1) return "separated_admin_roles";
  if (admins.length > 0 && roles.some((r) => !SEPARATED_ADMIN_ROLES.includes(r)))
    return "admin_with_business_role";
  return null;
}
