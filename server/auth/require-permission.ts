import "server-only";
import { type Actor, can, type OwnedRecord, type Permission } from "@/lib/permissions";
import { forbidden } from "../errors";

/**
 * The server's one permission check: `can` from lib/permissions.ts (deny by default), and a
 * FORBIDDEN DomainError when it says no, with `message` or the generic "Your role may not do
 * this.". `record` is the use case (or anything owned) an "own"-scoped rule is checked against.
 */
export function requirePermission(actor: Actor | null | undefined, permission: Permission, message?: string): void;
export function requirePermission(
  actor: Actor | null | undefined,
  permission: Permission,
  record: OwnedRecord | undefined,
  message?: string,
): void;
export function requirePermission(
  actor: Actor | null | undefined,
  permission: Permission,
  recordOrMessage?: OwnedRecord | string,
  message?: string,
): void {
  const record = typeof recordOrMessage === "string" ? undefined : recordOrMessage;
  if (!can(actor, permission, record)) throw forbidden(typeof recordOrMessage === "string" ? recordOrMessage : message);
}
