// The bad-input fuzz table of e2e/bad-input.spec.ts (server/bad-input.test.ts and
// e2e/no-lost-updates.spec.ts use pieces of it too): for every write operation of the OpenAPI
// registry (server/openapi/paths/), keyed by operationId, the role that may do it, fresh
// records to aim at with a valid request on them, the money fields of its body, and a snapshot
// of every row the write could touch (the target record, its children, the actor's audit
// events), so a refused write can be shown to have changed nothing. Snapshots are scoped to the
// records and the actor of the test, never global counts (other workers write in parallel).
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import type { Role } from "../lib/lifecycle";
import type { PrismaClient } from "../prisma/client";
import { makeChecklist, makeUseCase, makeUser } from "../prisma/seed/factories";
import { createApiToken } from "../server/auth/api-tokens";

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

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null));
const today = () => new Date().toISOString().slice(0, 10);
const keyOf = (row: { number: number }) => `UC-${row.number}`;

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
async function actorState(prisma: PrismaClient, actorId: string) {
  const [row] = await prisma.$queryRaw<{ state: unknown }[]>`
    SELECT json_build_object(
      'audit', (SELECT count(*) FROM "AuditEvent" WHERE "actorId" = ${actorId} AND action <> 'authz.refused'),
      'notifications', (SELECT json_agg(json_build_object('id', n.id, 'readAt', n."readAt") ORDER BY n.id)
                        FROM "Notification" n WHERE n."userId" = ${actorId} AND n."readAt" IS NOT NULL)
    ) AS state`;
  return row?.state;
}

/** A use case and everything hanging off it that a write could change, in one round trip. */
export async function useCaseState(prisma: PrismaClient, id: string) {
  const [row] = await prisma.$queryRaw<{ state: unknown }[]>`
    SELECT json_build_object(
      'useCase', (SELECT row_to_json(u) FROM "UseCase" u WHERE u.id = ${id}),
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

async function webhookState(prisma: PrismaClient, id: string) {
  const webhook = await prisma.webhook.findUnique({ where: { id } });
  const deliveries = await prisma.webhookDelivery.count({ where: { webhookId: id } });
  const audit = await prisma.auditEvent.count({ where: { entity: "Webhook", entityId: id } });
  return json({ webhook, deliveries, audit });
}

const withActor = (ctx: TargetCtx, state: () => Promise<unknown>) => async () => {
  // One after the other: the pg adapter warns about overlapping queries on one client.
  const target = await state();
  return json({ target, actor: await actorState(ctx.prisma, ctx.actor.id) });
};

async function seedUseCase(ctx: TargetCtx, seed: Partial<Parameters<typeof makeUseCase>[1]> = {}) {
  const row = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id, title: `Fuzz ${ctx.tag}`, ...seed });
  return { ...row, key: keyOf(row) };
}

/** Aimed at one use case: the snapshot is that use case's state and the actor's. */
async function atUseCase(
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

const G1_READY = {
  output: "Churn risk per customer",
  outcome: "Fewer customers lost",
  benefitArea: "REVENUE_GROWTH" as const,
  ebitda: { low: "100000", base: "200000", high: "300000" },
  pocResult: "AUC 0.81",
};

async function openReview(ctx: TargetCtx) {
  const uc = await seedUseCase(ctx, G1_READY);
  const review = (await api(ctx, "POST", `/api/v1/use-cases/${uc.key}/gates`, { note: "Ready" })) as { id: string };
  return { uc, reviewId: review.id };
}

async function webhook(ctx: TargetCtx) {
  return (await api(ctx, "POST", "/api/v1/webhooks", {
    url: "http://127.0.0.1:9/fuzz",
    events: ["gate.decided"],
    description: `Fuzz ${ctx.tag}`,
    active: false,
  })) as { id: string; version: number; url: string; events: string[] };
}

async function service(ctx: TargetCtx) {
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

export const TARGETS: Record<string, Target> = {
  // --- Use cases ---
  createUseCase: {
    as: "DATA_SCIENTIST",
    money: ["ebitda.low", "ebitda.base", "ebitda.high"],
    setup: async (ctx) => ({
      params: {},
      valid: async () => ({
        title: `Fuzz ${ctx.tag}`,
        summary: "A summary",
        outcome: "An outcome",
        benefitArea: "COST_REDUCTION",
        ebitda: { low: "1", base: "2", high: "3", currency: "EUR" },
      }),
      snapshot: withActor(ctx, async () => ({
        owned: await ctx.prisma.useCase.count({ where: { ownerId: ctx.actor.id } }),
      })),
    }),
  },
  updateUseCase: {
    as: "ADMIN",
    money: ["ebitda.low", "ebitda.base", "ebitda.high"],
    setup: (ctx) =>
      atUseCase(ctx, {}, async (uc) => ({
        version: (await ctx.prisma.useCase.findUniqueOrThrow({ where: { id: uc.id } })).version,
        title: "Edited",
        outcome: "Kept",
        ebitda: { low: "10", base: "20", high: "30", currency: "EUR" },
      })),
  },
  reopenUseCase: {
    as: "ADMIN",
    setup: (ctx) => atUseCase(ctx, { status: "STOPPED" }, async () => ({ reason: "The sponsor found budget" })),
  },

  // --- Gates ---
  requestGateReview: {
    as: "ADMIN",
    setup: (ctx) =>
      atUseCase(ctx, G1_READY, async () => ({ note: "Ready for G1", evidenceUrls: ["https://wiki.example.com/poc"] })),
  },
  decideGate: {
    as: "BUSINESS",
    setup: async (ctx) => {
      const { uc, reviewId } = await openReview(ctx);
      return {
        params: { id: reviewId },
        valid: async () => ({ decision: "GO", rationale: "The POC holds" }),
        snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)),
      };
    },
  },
  closeCondition: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, reviewId } = await openReview(ctx);
      const decision = {
        decision: "CONDITIONAL_GO",
        rationale: "Go, with a data contract",
        conditions: [
          {
            text: "Sign the data contract",
            ownerId: ctx.owner.id,
            dueOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
          },
        ],
      };
      const decided = (await api(ctx, "POST", `/api/v1/gates/${reviewId}/decisions`, decision, ctx.business)) as {
        conditions: { id: string }[];
      };
      const conditionId = decided.conditions[0]?.id;
      if (!conditionId) throw new Error("the decision created no condition");
      return { params: { id: conditionId }, snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)) };
    },
  },

  // --- Checklists ---
  updateChecklistItem: {
    as: "ADMIN",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, { stage: "PROTOTYPE" });
      await makeChecklist(ctx.prisma, { useCaseId: uc.id, stage: "PROTOTYPE" });
      const item = await ctx.prisma.checklistItem.findFirstOrThrow({
        where: { useCaseId: uc.id, answerType: "NONE" },
        orderBy: { position: "asc" },
      });
      return {
        params: { key: uc.key, itemId: item.id },
        valid: async () => ({
          status: "IN_PROGRESS",
          note: "Started",
          evidenceUrl: "https://git.example.com/team/model",
          version: (await ctx.prisma.checklistItem.findUniqueOrThrow({ where: { id: item.id } })).version,
        }),
        snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)),
      };
    },
  },
  signOffChecklist: {
    as: "IT",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, { stage: "PACKAGING" });
      await makeChecklist(ctx.prisma, { useCaseId: uc.id, stage: "PACKAGING", status: "DONE" });
      return { params: { key: uc.key }, snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)) };
    },
  },
  updateChecklistTemplate: {
    as: "ADMIN",
    setup: async (ctx) => {
      // The template is shared: the valid body is the current items (unchanged) plus one retired
      // item of this fuzz's own, and only that item's text is fuzzed (a valid save changes nothing
      // another test sees: retired items are not copied into checklists).
      // Its own item goes first: the fuzzed paths stay put whatever other tests save meanwhile.
      const own = { key: `fuzz-${ctx.tag}`.slice(0, 40), section: "Fuzz", label: "Fuzz", answerType: "NONE" };
      return {
        params: { stage: "PROTOTYPE" },
        valid: async () => {
          const { version, items } = await currentTemplate(ctx, "PROTOTYPE");
          return { items: [{ ...own, retired: true }, ...items], expectedVersion: version };
        },
        textPaths: ["items.0.section", "items.0.label", "items.0.key"],
        snapshot: withActor(ctx, async () => ({
          templatesByActor: await ctx.prisma.checklistTemplate.count({ where: { createdById: ctx.actor.id } }),
        })),
      };
    },
  },

  // --- Value ---
  createEstimate: {
    as: "ADMIN",
    money: ["ebitdaLow", "ebitdaBase", "ebitdaHigh", "investment", "runCostPerYear"],
    setup: (ctx) =>
      atUseCase(ctx, {}, async () => ({
        ebitdaLow: "100",
        ebitdaBase: "200",
        ebitdaHigh: "300",
        investment: "50",
        runCostPerYear: "10",
        horizonYears: 3,
        currency: "EUR",
        assumptions: "Measured in the pilot",
        confidence: "MEDIUM",
      })),
  },
  createActual: {
    as: "ADMIN",
    money: ["ebitda"],
    setup: (ctx) =>
      atUseCase(ctx, { stage: "PRODUCTION" }, async () => ({
        period: today().slice(0, 7),
        ebitda: "1250.50",
        note: "First month",
      })),
  },
  createFeedback: {
    as: "BUSINESS",
    setup: (ctx) => atUseCase(ctx, {}, async () => ({ text: "Useful", rating: 4 })),
  },

  // --- Discussion ---
  createComment: {
    as: "BUSINESS",
    setup: (ctx) => atUseCase(ctx, {}, async () => ({ body: `Hello ${ctx.tag}`, mentions: [] })),
  },

  // --- Tokens ---
  createApiToken: {
    as: "IT",
    setup: async (ctx) => ({
      params: {},
      valid: async () => ({ name: `Fuzz ${ctx.tag}` }),
      snapshot: withActor(ctx, async () => ({
        tokens: await ctx.prisma.apiToken.count({ where: { userId: ctx.actor.id } }),
      })),
    }),
  },
  revokeApiToken: {
    as: "IT",
    setup: async (ctx) => {
      const name = `Fuzz revoke ${ctx.tag}`;
      await createApiToken(ctx.prisma, ctx.actor.email, name);
      const row = await ctx.prisma.apiToken.findFirstOrThrow({ where: { userId: ctx.actor.id, name } });
      return {
        params: { id: row.id },
        snapshot: withActor(ctx, async () => ({
          target: await ctx.prisma.apiToken.findUnique({ where: { id: row.id }, select: { revokedAt: true } }),
          revoked: await ctx.prisma.apiToken.count({ where: { userId: ctx.actor.id, revokedAt: { not: null } } }),
        })),
      };
    },
  },

  revokeUserApiToken: {
    as: "ADMIN",
    setup: async (ctx) => {
      // An admin revokes another user's token: the fuzzed ids must leave it (and every other) alone.
      const owner = await makeUser(ctx.prisma, { role: "DATA_SCIENTIST" });
      const name = `Fuzz admin revoke ${ctx.tag}`;
      await createApiToken(ctx.prisma, owner.email, name);
      const row = await ctx.prisma.apiToken.findFirstOrThrow({ where: { userId: owner.id, name } });
      return {
        params: { id: owner.id, tokenId: row.id },
        snapshot: withActor(ctx, async () => ({
          target: await ctx.prisma.apiToken.findUnique({ where: { id: row.id }, select: { revokedAt: true } }),
          revoked: await ctx.prisma.apiToken.count({ where: { userId: owner.id, revokedAt: { not: null } } }),
        })),
      };
    },
  },

  // --- Webhooks ---
  createWebhook: {
    as: "ADMIN",
    setup: async (ctx) => ({
      params: {},
      valid: async () => ({
        url: "http://127.0.0.1:9/created",
        events: ["stage.changed"],
        active: false,
        description: `Fuzz ${ctx.tag}`,
      }),
      snapshot: withActor(ctx, async () => ({
        webhooks: await ctx.prisma.webhook.count({ where: { createdById: ctx.actor.id } }),
      })),
      // A fuzzed `active: true` would receive every other test's events: remove them.
      cleanup: async () => {
        await ctx.prisma.webhook.deleteMany({ where: { createdById: ctx.actor.id } });
      },
    }),
  },
  updateWebhook: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      return {
        params: { id: hook.id },
        valid: async () => ({
          version: (await ctx.prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } })).version,
          description: "Edited",
          url: hook.url,
          events: hook.events,
          active: false,
        }),
        snapshot: withActor(ctx, () => webhookState(ctx.prisma, hook.id)),
      };
    },
  },
  deleteWebhook: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      return { params: { id: hook.id }, snapshot: withActor(ctx, () => webhookState(ctx.prisma, hook.id)) };
    },
  },
  testWebhook: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      return { params: { id: hook.id }, snapshot: withActor(ctx, () => webhookState(ctx.prisma, hook.id)) };
    },
  },
  rotateWebhookSecret: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      return { params: { id: hook.id }, snapshot: withActor(ctx, () => webhookState(ctx.prisma, hook.id)) };
    },
  },
  retryWebhookDelivery: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      const delivery = (await api(ctx, "POST", `/api/v1/webhooks/${hook.id}/test`)) as { id: string };
      return {
        params: { id: delivery.id },
        snapshot: withActor(ctx, () => webhookState(ctx.prisma, hook.id)),
      };
    },
  },

  // --- Services ---
  createService: {
    as: "ADMIN",
    setup: (ctx) =>
      atUseCase(ctx, {}, async () => ({
        name: "Scoring API",
        environment: "DEV",
        url: "http://127.0.0.1:9/score",
        kind: "MODEL_API",
        note: "The scoring endpoint",
      })),
  },
  importComposeServices: {
    as: "ADMIN",
    setup: async (ctx) => {
      const prepared = await atUseCase(ctx, {});
      return {
        ...prepared,
        query: { baseUrl: "http://127.0.0.1", save: "true", environment: "DEV" },
        raw: {
          data: "services:\n  grafana:\n    image: grafana/grafana:11.0.0\n    ports:\n      - '3000:3000'\n",
          contentType: "application/yaml",
        },
      };
    },
  },
  updateService: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, id } = await service(ctx);
      return {
        params: { id },
        valid: async () => ({
          version: (await ctx.prisma.service.findUniqueOrThrow({ where: { id } })).version,
          name: "Renamed",
          note: "Edited",
          environment: "STAGING",
        }),
        snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)),
      };
    },
  },
  deleteService: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, id } = await service(ctx);
      return { params: { id }, snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)) };
    },
  },
  checkService: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, id } = await service(ctx);
      return { params: { id }, snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)) };
    },
  },

  // --- Users ---
  createUser: {
    as: "ADMIN",
    setup: async (ctx) => {
      const prefix = `fuzz-${ctx.tag}`;
      let n = 0;
      return {
        params: {},
        // A new address each time: a valid create is a 201, not a 409 for the one before.
        valid: async () => ({
          email: `${prefix}-${n++}@test.roadbook`,
          name: "Fuzz User",
          role: "BUSINESS",
          team: "Fuzz",
        }),
        snapshot: withActor(ctx, async () => ({
          users: await ctx.prisma.user.count({ where: { email: { startsWith: prefix } } }),
        })),
      };
    },
  },
  updateUser: {
    as: "ADMIN",
    setup: async (ctx) => {
      const user = await makeUser(ctx.prisma, { role: "BUSINESS" });
      return {
        params: { id: user.id },
        valid: async () => ({
          team: "Fuzz team",
          updatedAt: (await ctx.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).updatedAt.toISOString(),
        }),
        snapshot: withActor(ctx, async () =>
          json(
            await ctx.prisma.user.findUnique({
              where: { id: user.id },
              select: {
                role: true,
                team: true,
                active: true,
                awaitingRole: true,
                updatedAt: true,
                sessionVersion: true,
              },
            }),
          ),
        ),
      };
    },
  },

  // --- Settings ---
  updateSettings: {
    as: "ADMIN",
    setup: async (ctx) => {
      const read = async () => json(await ctx.prisma.orgSettings.findUnique({ where: { id: 1 } }));
      return {
        params: {},
        valid: async () => ({ version: ((await read()) as { version?: number } | null)?.version ?? 1 }),
        // The settings are one shared row: a body the schema accepts is sent with the current
        // values (a save that changes nothing), so the fuzz never changes what others test.
        neutralise: async (body) => {
          const response = await ctx.request.get("/api/v1/settings", {
            headers: { authorization: `Bearer ${ctx.admin.token}` },
          });
          const current = (await response.json()) as Record<string, unknown>;
          return Object.fromEntries(Object.keys(body).map((key) => [key, current[key]]));
        },
        snapshot: withActor(ctx, async () => {
          const row = (await read()) as Record<string, unknown> | null;
          return row
            ? {
                currency: row.currency,
                probeAllow: row.probeAllow,
                stageProbabilities: row.stageProbabilities,
                stalledDays: row.stalledDays,
              }
            : null;
        }),
      };
    },
  },

  // --- Cost and net value ---
  createCost: {
    as: "BUSINESS",
    money: ["amount"],
    setup: async (ctx) => {
      const prepared = await atUseCase(ctx, {}, async () => ({
        period: today().slice(0, 7),
        category: "CLOUD",
        amount: "1250.50",
        note: "Cloud bill",
      }));
      const { uc } = prepared;
      return {
        ...prepared,
        snapshot: withActor(ctx, async () => ({
          useCase: await useCaseState(ctx.prisma, uc.id),
          costs: json(await ctx.prisma.cost.findMany({ where: { useCaseId: uc.id }, orderBy: { id: "asc" } })),
        })),
      };
    },
  },
  // --- Risk screening ---
  updateAssessment: {
    as: "ADMIN",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, {});
      return {
        params: { key: uc.key },
        valid: async () => ({ answers: SCREENING_ANSWERS, version: await assessmentVersion(ctx, uc.id) }),
        snapshot: withActor(ctx, () => screeningState(ctx, uc.id)),
      };
    },
  },
  submitAssessment: {
    as: "ADMIN",
    setup: async (ctx) => {
      const uc = await screenedUseCase(ctx, false);
      return {
        params: { key: uc.key },
        valid: async () => ({ version: await assessmentVersion(ctx, uc.id) }),
        snapshot: withActor(ctx, () => screeningState(ctx, uc.id)),
      };
    },
  },
  reviewAssessment: {
    as: "RISK",
    setup: async (ctx) => {
      const uc = await screenedUseCase(ctx, true);
      return {
        params: { key: uc.key },
        valid: async () => ({ decision: "APPROVE", rationale: "Annex III: credit scoring." }),
        snapshot: withActor(ctx, () => screeningState(ctx, uc.id)),
      };
    },
  },
  importUseCases: {
    as: "ADMIN",
    setup: async (ctx) => ({
      params: {},
      // A preview: the valid request writes nothing; a fuzzed dryRun=false may write (then it is valid).
      query: { dryRun: "true", skipInvalid: "false", fileName: "fuzz.csv" },
      raw: { data: `Title;Stage\r\nFuzz ${ctx.tag};POC\r\n`, contentType: "text/csv" },
      snapshot: async () =>
        json({
          useCases: await ctx.prisma.useCase.findMany({
            where: { ownerId: ctx.actor.id },
            select: { number: true, title: true, version: true },
            orderBy: { number: "asc" },
          }),
          events: await ctx.prisma.auditEvent.count({ where: { actorId: ctx.actor.id } }),
        }),
    }),
  },
  // --- Flow: out-of-office delegation (the actor's own) ---
  setMyDelegation: {
    as: "BUSINESS",
    setup: async (ctx) => {
      const delegate = await makeUser(ctx.prisma, { role: "BUSINESS", name: `Fuzz delegate ${ctx.tag}` });
      return {
        params: {},
        valid: async () => ({ delegateId: delegate.id, from: today(), to: today() }),
        snapshot: withActor(ctx, () =>
          ctx.prisma.delegation.findMany({
            where: { userId: ctx.actor.id },
            select: { delegateId: true, from: true, to: true, endedAt: true },
            orderBy: { createdAt: "asc" },
          }),
        ),
      };
    },
  },
  // --- The ML toolchain ---
  createRegistry: {
    as: "ADMIN",
    setup: async (ctx) => ({
      params: {},
      valid: async () => ({ name: `Fuzz registry ${ctx.tag}`, baseUrl: "http://127.0.0.1:9", auth: "NONE" }),
      snapshot: withActor(ctx, async () => ({
        registries: await ctx.prisma.registryConnection.count({ where: { createdById: ctx.actor.id } }),
      })),
      cleanup: async () => {
        await ctx.prisma.registryConnection.deleteMany({ where: { createdById: ctx.actor.id } });
      },
    }),
  },
  deleteRegistry: {
    as: "ADMIN",
    setup: async (ctx) => {
      const registry = await fuzzRegistry(ctx);
      return {
        params: { id: registry.id },
        snapshot: withActor(ctx, async () => ({
          registry: await ctx.prisma.registryConnection.findUnique({
            where: { id: registry.id },
            select: { name: true },
          }),
        })),
      };
    },
  },
  linkModel: {
    as: "IT",
    setup: async (ctx) => {
      const registry = await fuzzRegistry(ctx);
      const prepared = await atUseCase(ctx, {}, async () => ({ registryId: registry.id, modelName: "churn-model" }));
      return {
        ...prepared,
        snapshot: withActor(ctx, async () => ({
          useCase: await useCaseState(ctx.prisma, prepared.uc.id),
          links: await modelLinks(ctx, prepared.uc.id),
        })),
      };
    },
  },
  unlinkModel: {
    as: "IT",
    setup: async (ctx) => {
      const { uc, link } = await fuzzModelLink(ctx);
      return {
        params: { key: uc.key, id: link.id },
        snapshot: withActor(ctx, () => modelLinks(ctx, uc.id)),
      };
    },
  },
  syncModels: {
    as: "IT",
    setup: async (ctx) => {
      const { uc } = await fuzzModelLink(ctx);
      // A sync records when it last tried; what it links (and to which registry) must not change.
      return { params: { key: uc.key }, snapshot: withActor(ctx, () => modelLinks(ctx, uc.id)) };
    },
  },
  setRepository: {
    as: "IT",
    setup: async (ctx) => {
      const prepared = await atUseCase(ctx, {}, async () => ({ url: "https://git.example.com/team/churn" }));
      return {
        ...prepared,
        snapshot: withActor(ctx, async () => ({
          useCase: await useCaseState(ctx.prisma, prepared.uc.id),
          repository: await ctx.prisma.codeRepository.findUnique({
            where: { useCaseId: prepared.uc.id },
            select: { url: true },
          }),
        })),
      };
    },
  },
};

/** A complete screening of a credit-scoring use case (HIGH). */
const SCREENING_ANSWERS = {
  prohibitedPractices: ["none"],
  annexIIIAreas: ["essential-services"],
  safetyComponent: false,
  interactsWithPeople: false,
  generatesContent: false,
  personalData: true,
  affectedPeople: "Loan applicants",
  humanOversight: "in-the-loop",
};

async function assessmentVersion(ctx: TargetCtx, useCaseId: string): Promise<number> {
  return (await ctx.prisma.riskAssessment.findUnique({ where: { useCaseId } }))?.version ?? 0;
}

/** A use case whose screening is answered by an admin (and submitted when `submitted`). */
async function screenedUseCase(ctx: TargetCtx, submitted: boolean) {
  const uc = await seedUseCase(ctx, {});
  await api(ctx, "PATCH", `/api/v1/use-cases/${uc.key}/assessment`, { answers: SCREENING_ANSWERS, version: 0 });
  if (submitted) await api(ctx, "POST", `/api/v1/use-cases/${uc.key}/assessment/submit`, {});
  return uc;
}

/** useCaseState, under a name the hooks lint does not mistake for a React hook. */
const readUseCaseState = useCaseState;

/** The use case (and its children) plus its screening and the screening's history. */
async function screeningState(ctx: TargetCtx, useCaseId: string) {
  const assessment = await ctx.prisma.riskAssessment.findUnique({ where: { useCaseId } });
  const history = assessment
    ? await ctx.prisma.riskAssessmentEvent.count({ where: { assessmentId: assessment.id } })
    : 0;
  const target = await readUseCaseState(ctx.prisma, useCaseId);
  return json({ useCase: target, assessment, history });
}

/** A registry connection that no one can reach (nothing is synced from it in the fuzz). */
async function fuzzRegistry(ctx: TargetCtx) {
  return ctx.prisma.registryConnection.create({
    data: { name: `Fuzz registry ${ctx.tag} ${randomUUID()}`, baseUrl: "http://127.0.0.1:9" },
  });
}

/** A use case with one linked model. */
async function fuzzModelLink(ctx: TargetCtx) {
  const registry = await fuzzRegistry(ctx);
  const uc = await seedUseCase(ctx, {});
  const link = await ctx.prisma.modelLink.create({
    data: { useCaseId: uc.id, registryId: registry.id, modelName: "churn-model" },
  });
  return { uc, link };
}

/** What a use case links: registry and model names only (a sync's bookkeeping is left out). */
async function modelLinks(ctx: TargetCtx, useCaseId: string) {
  return ctx.prisma.modelLink.findMany({
    where: { useCaseId },
    select: { registryId: true, modelName: true },
    orderBy: { modelName: "asc" },
  });
}
