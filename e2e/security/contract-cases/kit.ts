// What the contract cases share: their types, the API call a case makes as a role, and the
// records they seed (use cases at a stage, open reviews and conditions, services, webhooks...).
import type { APIRequestContext } from "@playwright/test";
import type { Role } from "@/lib/lifecycle";
import type { PrismaClient } from "@/prisma/client";
import { makeUseCase, type makeUser, satisfyGateCriteria } from "@/prisma/seed/factories";

export type User = Awaited<ReturnType<typeof makeUser>>;

export type Actor = User & { token: string };

/** One request of an operation: its path parameters, query, and body (JSON, or raw text). */
export type Req = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body (serialised as is, `undefined` = no body). */
  body?: unknown;
  /** A body sent verbatim with this content type (not JSON, or deliberately broken JSON). */
  raw?: { data: string; contentType: string };
};

/** What a setup works with: the worker's users (each with an API token) and the database. */
export type Ctx = {
  request: APIRequestContext;
  prisma: PrismaClient;
  /** Token holders, one per role; none of them owns the records the setups create. */
  actors: Record<Role, Actor>;
  /** Owns (DATA_SCIENTIST) the use cases the setups create; holds no token. */
  owner: User;
  /** A unique tag for names. */
  tag: string;
  /** A browser session of the role's user (signed in now), for `session` cases. */
  session: (role: Role) => Promise<APIRequestContext>;
};

export type Probe = {
  label: string;
  /** Whose token sends it (default: the case's `as`). */
  as?: Role;
  /** Sent with the role's API token even in a `session` case. */
  viaToken?: true;
  /** The request, from the case's valid (fresh) one. */
  request: (ctx: Ctx, valid: Req) => Req | Promise<Req>;
  status: number;
};

export type Case = {
  /** Fresh records and the minimal valid request on them. */
  setup: (ctx: Ctx) => Promise<Req>;
  /** The role that gets the documented success (default ADMIN). */
  as?: Role;
  /** The operation needs a recent browser session: the roles' requests carry a session cookie, not a token. */
  session?: true;
  /** Only ADMIN may use it: BUSINESS, IT and DATA_SCIENTIST must each get 403. */
  adminOnly?: true;
  /** 403 is documented but no role is refused on records it does not own: why. */
  noForbiddenRole?: string;
  /** The request the role probes send, when another one than the valid request reaches the 403. */
  forbiddenRequest?: (valid: Req) => Req;
  /** Requests refused with 422 beyond the generic JSON-body probes (queries, non-JSON bodies). */
  invalid?: (valid: Req) => Req[];
  /** Sending the valid request again after its success answers this status (409, 404...). */
  repeat?: number;
  /** Further probes, sent after the success on a fresh setup. */
  probes?: Probe[];
};

export const today = () => new Date().toISOString().slice(0, 10);

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function api(
  ctx: Ctx,
  as: Role,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await ctx.request.fetch(path, {
    method,
    headers: { authorization: `Bearer ${ctx.actors[as].token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status() >= 300) throw new Error(`setup ${method} ${path} answered ${response.status()}: ${text}`);
  return { status: response.status(), json: text ? JSON.parse(text) : null };
}

export const keyOf = (row: { number: number }) => `UC-${row.number}`;

export async function seedUseCase(ctx: Ctx, seed: Partial<Parameters<typeof makeUseCase>[1]> = {}) {
  const row = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id, title: `Contract ${ctx.tag}`, ...seed });
  return { ...row, key: keyOf(row) };
}

/** A PROTOTYPE use case with its checklist (DONE), a feedback and an estimate revision. */
export async function prototype(ctx: Ctx) {
  const uc = await seedUseCase(ctx, { stage: "PROTOTYPE" });
  await satisfyGateCriteria(ctx.prisma, "G2", { useCaseId: uc.id, authorId: ctx.owner.id });
  return uc;
}

export const stale = (valid: Req): Req => ({ ...valid, body: { ...(valid.body as object), version: 999 } });
