// What the domain-layer bad-input ops share: their types, the seeded records they aim at, and
// the snapshots of what a write could touch (server/bad-input.test.ts).
import type { z } from "zod";
import { formatKey, type Role } from "@/lib/lifecycle";
import { makeUseCase, type makeUser } from "@/prisma/seed/factories";
import { useCaseState } from "@/test-support/bad-input-targets/kit";
import { db } from "../db";

export type User = Awaited<ReturnType<typeof makeUser>>;

export type Ctx = { actor: User; owner: User; admin: User; business: User; tag: string };

/** A write function aimed at fresh records. */
export type Prepared = {
  /** The function as a server action calls it: the record's id or key (a string) and the input. */
  call: (input: unknown, id: string) => Promise<unknown>;
  /** The real id or key of the target ("" when the function takes none). */
  id: string;
  /** A valid input, as of now (versions are read again). */
  valid: () => Promise<unknown>;
  snapshot: () => Promise<unknown>;
  /** Leaves text mutations may replace (default: every string leaf of the valid input). */
  textPaths?: string[];
  /** Remove what valid fuzzed writes left behind that could disturb other tests. */
  cleanup?: () => Promise<void>;
  /** Turn an accepted input into one that changes nothing shared (the org settings). */
  neutralise?: (input: Record<string, unknown>) => Promise<Record<string, unknown>>;
};

export type Op = {
  as: Role;
  /** The schema of the input (success is allowed only for input it accepts); none: no input. */
  schema?: z.ZodType;
  money?: string[];
  setup: (ctx: Ctx) => Promise<Prepared>;
};

export const json = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null));

export async function actorState(actorId: string) {
  return {
    audit: await db.auditEvent.count({ where: { actorId, NOT: { action: "authz.refused" } } }),
    // Read ones only: other test files' gate requests notify every decider at any moment.
    notifications: await db.notification.findMany({
      where: { userId: actorId, readAt: { not: null } },
      select: { id: true, readAt: true },
      orderBy: { id: "asc" },
    }),
  };
}

export const withActor = (ctx: Ctx, state: () => Promise<unknown>) => async () =>
  json({ target: await state(), actor: await actorState(ctx.actor.id) });

export async function seedUseCase(ctx: Ctx, seed: Partial<Parameters<typeof makeUseCase>[1]> = {}) {
  const row = await makeUseCase(db, { ownerId: ctx.owner.id, title: `Fuzz ${ctx.tag}`, ...seed });
  return { ...row, key: formatKey(row.number) };
}

/** Aimed at a use case by its key. */
export async function atKey(
  ctx: Ctx,
  seed: Partial<Parameters<typeof makeUseCase>[1]>,
  fn: (actor: User, key: string, input: unknown) => Promise<unknown>,
  valid: (uc: { id: string; key: string }) => Promise<unknown> = async () => ({}),
): Promise<Prepared> {
  const uc = await seedUseCase(ctx, seed);
  return {
    call: (input, key) => fn(ctx.actor, key, input),
    id: uc.key,
    valid: () => valid(uc),
    snapshot: withActor(ctx, () => useCaseState(db, uc.id)),
  };
}

/** Only the record id: the function takes no input. */
export const idOnly = (
  id: string,
  fn: (id: string) => Promise<unknown>,
  snapshot: () => Promise<unknown>,
): Prepared => ({
  call: (_input, target) => fn(target),
  id,
  valid: async () => undefined,
  snapshot,
});
