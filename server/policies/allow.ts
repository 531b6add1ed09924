import type { Permission } from "../domain/roles.ts";
import { forbidden } from "../errors.ts";
import type { Actor } from "./actor.ts";

export function allow(actor: Actor, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

export function assertAllowed(actor: Actor, permission: Permission): void {
  if (!allow(actor, permission)) throw forbidden();
}
