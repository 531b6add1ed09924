import { sql } from "drizzle-orm";
import { isUniqueViolation } from "../db/pg-errors.ts";
import { userRoles, users } from "../db/schema/index.ts";
import { checkPasswordPolicy } from "../domain/password-policy.ts";
import {
  DEPARTMENT_SCOPED_ROLES,
  GRID_SCOPED_ROLES,
  type Role,
  roleCombinationError,
} from "../domain/roles.ts";
import { badRequest, conflict, weakPassword } from "../errors.ts";
import { assertAllowed } from "../policies/allow.ts";
import { hashPassword } from "../security/passwords.ts";
import { recordAudit } from "./audit-recorder.ts";
import type { CommandContext } from "./context.ts";

const usernameTaken = () => conflict("用户名已存在", "Username already taken");

export interface NewUser {
  username: string;
  displayName: string;
  phone?: string | null;
  password: string;
  roles: { role: Role; gridId?: number | null; departmentId?: number | null }[];
}

export function checkRoleAssignments(roles: NewUser["roles"]): void {
  if (roles.length === 0)
    throw badRequest("role_required", "至少需要一个角色", "At least one role is required");
  const combination = roleCombinationError(roles.map((r) => r.role));
  if (combination) {
    throw badRequest(
      combination,
      "系统管理员、安全管理员、审计管理员须由不同账户担任，且不得兼任业务角色",
      "The three administrator roles need separate accounts and no business role",
    );
  }
  for (const r of roles) {
    if (GRID_SCOPED_ROLES.includes(r.role) && !r.gridId) {
      throw badRequest("grid_required", "该角色须指定所属网格", "This role needs a grid");
    }
    if (DEPARTMENT_SCOPED_ROLES.includes(r.role) && !r.departmentId) {
      throw badRequest("department_required", "该角色须指定所属部门", "This role needs a department");
    }
  }
}

/**
 * Creates an account. A null actor is the system itself (seeding, the CLI); a person needs user.manage.
 * `passwordHash` lets the demo seed hash its one shared password once instead of per account (argon2 is
 * deliberately slow); the API never passes it.
 */
export async function createUser(
  ctx: CommandContext,
  input: NewUser,
  options: { passwordHash?: string } = {},
) {
  if (ctx.actor) assertAllowed(ctx.actor, "user.manage");
  const policy = checkPasswordPolicy(input.password, input.username);
  if (policy !== "ok") throw weakPassword(policy);
  checkRoleAssignments(input.roles);
  const passwordHash = options.passwordHash ?? (await hashPassword(input.password));
  return ctx.db.transaction(async (tx) => {
    const taken = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.username})`);
    if (taken.length > 0) throw usernameTaken();
    // A double-tapped submit: both requests pass the check above, and the loser's insert hits the unique
    // index — the same 409 as the check, not a 500.
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        phone: input.phone ?? null,
        passwordHash,
      })
      .returning({ id: users.id, username: users.username, displayName: users.displayName })
      .catch((error: unknown) => {
        throw isUniqueViolation(error, "users_username_ci") ? usernameTaken() : error;
      });
    await tx.insert(userRoles).values(
      input.roles.map((r) => ({
        userId: user.id,
        role: r.role,
        gridId: r.gridId ?? null,
        departmentId: r.departmentId ?? null,
      })),
    );
    // The password (even hashed) never enters the audit log.
    await recordAudit(tx, ctx, {
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      actorName: ctx.actor ? undefined : "system",
      after: { username: user.username, displayName: user.displayName, roles: input.roles },
    });
    return user;
  });
}
