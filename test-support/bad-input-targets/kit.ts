import type { APIRequestContext } from "@playwright/test";
import type { Role } from "@/lib/lifecycle";
import type { PrismaClient } from "@/prisma/client";
import { makeUseCase, type makeUser } from "@/prisma/seed/factories";

export type User = Awaited<ReturnType<typeof makeUser>>;
export type Actor = User & { token: string };

export type TargetCtx = {
  request: APIRequestContext;
  prisma: PrismaClient;
  /** An ADMIN with a token, for setups through the API. */
  admin: Actor;
  /** A BUSINESS user with a token: a decider of G1, for setups that decide a review. */
  business: Actor;
  /** Owns (DATA_SCIENTIST) the use cases the setups create. */
  owner: User;
  /** Who sends the fuzzed requests (a fresh user of the target's role, with a fresh token). */
  actor: Actor;
  tag: string;
};

/** A target, ready: where to aim, a valid request there, and what the write could touch. */
export type Prepared = {
  params: Record<string, string>;
  /** Query parameters of the valid request (the compose import's). */
  query?: Record<string, string>;
  /** A valid JSON body, as of now (versions are read again each time); none for bodyless operations. */
  valid?: () => Promise<unknown>;
  /** A valid raw (non-JSON) body and its content type (the compose import's YAML). */
  raw?: { data: string; contentType: string };
  /** The rows the operation could write, JSON-normalised. */
  snapshot: () => Promise<unknown>;
  /**
   * Leaves of the valid body that text mutations may replace (default: every string leaf).
   * The checklist template is shared by every test: only the fuzz's own retired item is fuzzed.
   */
  textPaths?: string[];
  /** Remove what valid fuzzed writes left behind that could disturb other tests. */
  cleanup?: () => Promise<void>;
  /** Turn a body the schema accepts into one that changes nothing shared (the org settings). */
  neutralise?: (body: Record<string, unknown>) => Promise<Record<string, unknown>>;
};

export type Target = {
  /** The role that may perform the operation (the fuzz must reach validation, not a 403). */
  as: Role;
  setup: (ctx: TargetCtx) => Promise<Prepared>;
  /** Dotted paths of money amounts (decimal strings) in the valid body. */
  money?: string[];
};

export const json = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null));
export const today = () => new Date().toISOString().slice(0, 10);
export const keyOf = (row: { number: number }) => `UC-${row.number}`;

export async function api(
  ctx: TargetCtx,
  method: string,
  path: string,
  body?: unknown,
  as: Actor = ctx.admin,
): Promise<unknown> {
  const response = await ctx.request.fetch(path, {
    method,
    headers: { authorization: `Bearer ${as.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status() >= 300) throw new Error(`setup ${method} ${path} answered ${response.status()}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * The audit events the actor caused (refusals aside: a 403 records one on purpose) and the
 * notifications they have read. New unread ones are left out: other workers' gate requests
 * notify every decider, the fuzzing user included, at any moment.
 */
export async function actorState(prisma: PrismaClient, actorId: string) {
  const [row] = await prisma.$queryRaw<{ state: unknown }[]>`
    SELECT json_build_object(
      'audit', (SELECT count(*) FROM "AuditEvent" WHERE "actorId" = ${actorId} AND action <> 'authz.refused'),
      'notifications', (SELECT json_agg(json_build_object('id', n.id, 'readAt', n."readAt") ORDER BY n.id)
                        FROM "Notification" n WHERE n."userId" = ${actorId} AND n."readAt" IS NOT NULL)
    ) AS state`;
  return row?.state;
}

/**
 * A use case and everything hanging off it that a write could change, in one round trip. The
 * stored priority columns are left out: a cache that any read may refresh (the use case's scores
 * and facts, which a write would change, are compared).
 */
export async function useCaseState(prisma: PrismaClient, id: string) {
  const [row] = await prisma.$queryRaw<{ state: unknown }[]>`
    SELECT json_build_object(
      'useCase', (SELECT to_jsonb(u) - 'priorityTenths' - 'previousPriorityTenths' - 'priorityModelVersion'
                  FROM "UseCase" u WHERE u.id = ${id}),
      'scores', (SELECT json_agg(sc ORDER BY sc.id) FROM "UseCaseScore" sc WHERE sc."useCaseId" = ${id}),
      'checklist', (SELECT json_agg(c ORDER BY c.id) FROM "ChecklistItem" c WHERE c."useCaseId" = ${id}),
      'services', (SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind,
                     'environment', s.environment, 'url', s.url, 'note', s.note, 'version', s.version) ORDER BY s.id)
                   FROM "Service" s WHERE s."useCaseId" = ${id}),
      'reviews', (SELECT json_agg(r ORDER BY r.id) FROM "GateReview" r WHERE r."useCaseId" = ${id}),
      'conditions', (SELECT json_agg(gc ORDER BY gc.id) FROM "GateCondition" gc
                     JOIN "GateReview" r ON r.id = gc."reviewId" WHERE r."useCaseId" = ${id}),
      'votes', (SELECT count(*) FROM "GateVote" v JOIN "GateReview" r ON r.id = v."reviewId" WHERE r."useCaseId" = ${id}),
      'signOffs', (SELECT json_agg(so ORDER BY so.id) FROM "ChecklistSignOff" so WHERE so."useCaseId" = ${id}),
      'comments', (SELECT count(*) FROM "Comment" WHERE "useCaseId" = ${id}),
      'feedback', (SELECT count(*) FROM "Feedback" WHERE "useCaseId" = ${id}),
      'estimates', (SELECT count(*) FROM "EstimateRevision" WHERE "useCaseId" = ${id}),
      'actuals', (SELECT json_agg(a ORDER BY a.id) FROM "Actual" a WHERE a."useCaseId" = ${id}),
      'audit', (SELECT count(*) FROM "AuditEvent"
                WHERE "useCaseId" = ${id} OR (entity = 'UseCase' AND "entityId" = ${id}))
    ) AS state`;
  return row?.state;
}

export async function webhookState(prisma: PrismaClient, id: string) {
  const webhook = await prisma.webhook.findUnique({ where: { id } });
  const deliveries = await prisma.webhookDelivery.count({ where: { webhookId: id } });
  const audit = await prisma.auditEvent.count({ where: { entity: "Webhook", entityId: id } });
  return json({ webhook, deliveries, audit });
}

export const withActor = (ctx: TargetCtx, state: () => Promise<unknown>) => async () => {
  // One after the other: the pg adapter warns about overlapping queries on one client.
  const target = await state();
  return json({ target, actor: await actorState(ctx.prisma, ctx.actor.id) });
};

export async function seedUseCase(ctx: TargetCtx, seed: Partial<Parameters<typeof makeUseCase>[1]> = {}) {
  const row = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id, title: `Fuzz ${ctx.tag}`, ...seed });
  return { ...row, key: keyOf(row) };
}

/** Aimed at one use case: the snapshot is that use case's state and the actor's. */
export async function atUseCase(
  ctx: TargetCtx,
  seed: Partial<Parameters<typeof makeUseCase>[1]>,
  valid?: (uc: { id: string; key: string }) => Promise<unknown>,
): Promise<Prepared & { uc: { id: string; key: string } }> {
  const uc = await seedUseCase(ctx, seed);
  return {
    uc,
    params: { key: uc.key },
    ...(valid ? { valid: () => valid(uc) } : {}),
    snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)),
  };
}

export const G1_READY = {
  output: "Churn risk per customer",
  outcome: "Fewer customers lost",
  benefitArea: "REVENUE_GROWTH" as const,
  ebitda: { low: "100000", base: "200000", high: "300000" },
  pocResult: "AUC 0.81",
};

export async function openReview(ctx: TargetCtx) {
  const uc = await seedUseCase(ctx, G1_READY);
  const review = (await api(ctx, "POST", `/api/v1/use-cases/${uc.key}/gates`, { note: "Ready" })) as { id: string };
  return { uc, reviewId: review.id };
}

export async function webhook(ctx: TargetCtx) {
  return (await api(ctx, "POST", "/api/v1/webhooks", {
    url: "http://127.0.0.1:9/fuzz",
    events: ["gate.decided"],
    description: `Fuzz ${ctx.tag}`,
    active: false,
  })) as { id: string; version: number; url: string; events: string[] };
}

export async function chatChannel(ctx: TargetCtx) {
  return (await api(ctx, "POST", "/api/v1/chat-channels", {
    tool: "SLACK",
    name: `Fuzz ${ctx.tag}`,
    url: "http://127.0.0.1:9/services/T0/B0/fuzz",
    active: false,
  })) as { id: string; version: number };
}

export async function service(ctx: TargetCtx) {
  const uc = await seedUseCase(ctx);
  const created = (await api(ctx, "POST", `/api/v1/use-cases/${uc.key}/services`, {
    name: `Scoring ${ctx.tag}`,
    environment: "DEV",
    url: "http://127.0.0.1:9/health",
  })) as { id: string };
  return { uc, id: created.id };
}

/** Template items other tests did not add (earlier fuzz runs' retired items are left out). */
export const FUZZ_ITEM_PREFIXES = ["fuzz-", "lost-update-"];

export async function currentTemplate(ctx: { request: APIRequestContext; admin: { token: string } }, stage: string) {
  const response = await ctx.request.get("/api/v1/checklist-templates", {
    headers: { authorization: `Bearer ${ctx.admin.token}` },
  });
  const templates = (await response.json()) as { stage: string; version: number; items: Record<string, unknown>[] }[];
  const template = templates.find((t) => t.stage === stage);
  if (!template) throw new Error(`no ${stage} template`);
  const items = template.items
    .filter((item) => !FUZZ_ITEM_PREFIXES.some((prefix) => String(item.key).startsWith(prefix)))
    .map(({ answered: _answered, id: _id, position: _position, ...item }) => item);
  return { version: template.version, items };
}
