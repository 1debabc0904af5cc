import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import {
  UserAdminCreateSchema,
  type UserListQuery,
  UserListQuerySchema,
  type UserStatus,
  UserUpdateSchema,
} from "@/lib/validation/user";
import { recordEvent } from "../audit/record-event";
import { hashPassword } from "../auth/password";
import { requirePermission } from "../auth/require-permission";
import { db, type Tx } from "../db";
import { DomainError, notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import { escapeLike } from "../like-text";
import type { ManagedUserCreatedResponse, ManagedUserResponse } from "../openapi/schemas/users";

export type ManagedUserDto = z.infer<typeof ManagedUserResponse>;

export type CreatedManagedUserDto = z.infer<typeof ManagedUserCreatedResponse>;

/**
 * Every change that could take the last active admin away runs under this transaction-scoped
 * advisory lock, then counts the active admins: two admins demoting (or deactivating) each
 * other at the same moment are serialised, and the second finds itself the last one.
 */
const ADMIN_LOCK = 0x52424b55; // "RBKU"

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  team: true,
  active: true,
  awaitingRole: true,
  passwordHash: true,
  createdAt: true,
  updatedAt: true,
} as const;
type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

function toDto(row: UserRow): ManagedUserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    team: row.team,
    active: row.active,
    awaitingRole: row.awaitingRole,
    sso: row.passwordHash === null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function assertCanManageUsers(actor: Actor): void {
  requirePermission(actor, "user:manage", "Only an admin manages users.");
}

function statusWhere(status: UserStatus | undefined): Prisma.UserWhereInput {
  if (status === "active") return { active: true };
  if (status === "deactivated") return { active: false, awaitingRole: false };
  if (status === "awaiting") return { awaitingRole: true };
  return {};
}

/** Users matching the filters (name or email, role, status), by name; with their count. */
export async function listUsers(
  actor: Actor,
  input: unknown = {},
): Promise<{ items: ManagedUserDto[]; count: number; query: UserListQuery }> {
  assertCanManageUsers(actor);
  const query = parseInput(UserListQuerySchema, input);
  const where: Prisma.UserWhereInput = {
    ...statusWhere(query.status),
    ...(query.role ? { role: query.role } : {}),
    ...(query.q
      ? {
          OR: [
            { name: { contains: escapeLike(query.q), mode: "insensitive" } },
            { email: { contains: escapeLike(query.q), mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [rows, count] = await Promise.all([
    db.user.findMany({ where, select: userSelect, orderBy: [{ name: "asc" }, { email: "asc" }], take: 500 }),
    db.user.count({ where }),
  ]);
  return { items: rows.map(toDto), count, query };
}

/** A first password to hand over: 20 random characters (about 120 bits). */
export function generateFirstPassword(): string {
  return randomBytes(15).toString("base64url");
}

/**
 * Create a user (or "invite" one: the same, there is no email yet) with a generated first
 * password, returned once; only its Argon2id hash is stored. Audited as `user.create`.
 */
export async function createManagedUser(actor: Actor, input: unknown): Promise<CreatedManagedUserDto> {
  assertCanManageUsers(actor);
  const data = parseInput(UserAdminCreateSchema, input);
  const password = generateFirstPassword();
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, team: data.team ?? null, passwordHash },
        select: userSelect,
      });
      await recordEvent(tx, {
        actorId: actor.id,
        action: "user.create",
        entity: "User",
        entityId: row.id,
        after: { email: row.email, name: row.name, role: row.role, team: row.team, active: true },
        useCaseId: null,
      });
      return { ...toDto(row), password };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("CONFLICT", `A user with email ${data.email} already exists.`, {
        errors: [{ path: "email", message: "This email is already in use." }],
      });
    }
    throw error;
  }
}

const LAST_ADMIN_MESSAGE =
  "This is the last active admin: make someone else an admin first, so the organisation keeps one.";

async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  if (others === 0)
    throw new DomainError("CONFLICT", LAST_ADMIN_MESSAGE, { errors: [{ path: "role", message: LAST_ADMIN_MESSAGE }] });
}

/**
 * Change a user's role, team or active flag (never delete: the audit trail keeps names).
 * Assigning a role to a user awaiting one clears the flag and activates them. The last active
 * admin can be neither demoted nor deactivated (CONFLICT), under concurrency too (ADMIN_LOCK).
 * Nothing else is bumped: the session re-reads role and active flag on each request
 * (server/auth/current-user.ts), so the change applies from the user's next request.
 * Each kind of change is its own audit event: user.role, user.team, user.deactivate, user.reactivate.
 */
export async function updateManagedUser(actor: Actor, id: string, input: unknown): Promise<ManagedUserDto> {
  assertCanManageUsers(actor);
  requireFindableId(id, "User");
  const data = parseInput(UserUpdateSchema, input);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_LOCK})`;
    const before = await tx.user.findUnique({ where: { id }, select: userSelect });
    if (!before) throw notFound("User");
    if (new Date(data.updatedAt).getTime() !== before.updatedAt.getTime()) {
      throw new DomainError("CONFLICT", "Someone else changed this user after you opened it.", {
        current: toDto(before),
      });
    }

    const role = data.role ?? before.role;
    const team = data.team !== undefined ? data.team : before.team;
    let active = data.active ?? before.active;
    let awaitingRole = before.awaitingRole;
    if (before.awaitingRole && data.role !== undefined) {
      // Assigning a role is what lets a user who signed in through SSO in.
      awaitingRole = false;
      active = data.active ?? true;
    } else if (before.awaitingRole && data.active === true) {
      throw new DomainError("VALIDATION", "Some fields need attention.", {
        errors: [{ path: "role", message: "Assign a role to this user: that lets them in." }],
      });
    }

    const wasAdmin = before.role === "ADMIN" && before.active;
    const staysAdmin = role === "ADMIN" && active;
    if (wasAdmin && !staysAdmin) await assertAnotherActiveAdmin(tx, id);

    const unchanged =
      role === before.role && team === before.team && active === before.active && awaitingRole === before.awaitingRole;
    if (unchanged) return toDto(before);
    const row = await tx.user.update({ where: { id }, data: { role, team, active, awaitingRole }, select: userSelect });
    type Fields = Record<string, string | boolean | null>;
    const event = (action: string, b: Fields, a: Fields) =>
      recordEvent(tx, {
        actorId: actor.id,
        action,
        entity: "User",
        entityId: id,
        before: b,
        after: a,
        useCaseId: null,
      });
    if (role !== before.role || awaitingRole !== before.awaitingRole) {
      await event(
        "user.role",
        { role: before.role, ...(before.awaitingRole ? { awaitingRole: true } : {}) },
        { role, ...(before.awaitingRole ? { awaitingRole } : {}) },
      );
    }
    if (team !== before.team) await event("user.team", { team: before.team }, { team });
    if (active !== before.active) {
      await event(active ? "user.reactivate" : "user.deactivate", { active: before.active }, { active });
    }
    return toDto(row);
  });
}

/** Shortcuts over updateManagedUser for the Users page's buttons. */
export const changeUserRole = (actor: Actor, id: string, role: string, updatedAt: string) =>
  updateManagedUser(actor, id, { role, updatedAt });
export const setUserTeam = (actor: Actor, id: string, team: string | null, updatedAt: string) =>
  updateManagedUser(actor, id, { team: team ?? "", updatedAt });
export const deactivateUser = (actor: Actor, id: string, updatedAt: string) =>
  updateManagedUser(actor, id, { active: false, updatedAt });
export const reactivateUser = (actor: Actor, id: string, updatedAt: string) =>
  updateManagedUser(actor, id, { active: true, updatedAt });
