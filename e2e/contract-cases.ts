// The contract tests' table (e2e/contract.spec.ts): for every operation of the OpenAPI registry
// (server/openapi/paths/), keyed by operationId, how to build a minimal valid request on
// fresh records, which role answers the documented success, and the probes that reach the
// error statuses the request alone cannot. An operation missing here fails its contract test.
import type { APIRequestContext } from "@playwright/test";
import type { Role } from "../lib/lifecycle";
import type { PrismaClient } from "../prisma/client";
import { makeChecklist, makeUseCase, makeUser, satisfyGateCriteria } from "../prisma/seed/factories";
import { createApiToken } from "../server/auth/api-tokens";

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

const UNKNOWN_KEY = "UC-99999999";
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

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

const keyOf = (row: { number: number }) => `UC-${row.number}`;

async function seedUseCase(ctx: Ctx, seed: Partial<Parameters<typeof makeUseCase>[1]> = {}) {
  const row = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id, title: `Contract ${ctx.tag}`, ...seed });
  return { ...row, key: keyOf(row) };
}

/** A POC use case meeting G1's entry criteria. */
function g1Ready(ctx: Ctx) {
  return seedUseCase(ctx, {
    output: "Churn risk per customer",
    outcome: "Fewer customers lost",
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "100000", base: "200000", high: "300000" },
    pocResult: "AUC 0.81",
  });
}

/** An open G1 review (requested through the gates API by ADMIN). */
async function openReview(ctx: Ctx) {
  const uc = await g1Ready(ctx);
  const { json } = await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/gates`, { note: "Ready" });
  return { uc, reviewId: (json as { id: string }).id };
}

/** A G1 review decided go-with-conditions by BUSINESS, one open condition owned by `ctx.owner`. */
async function openCondition(ctx: Ctx) {
  const { uc, reviewId } = await openReview(ctx);
  const { json } = await api(ctx, "BUSINESS", "POST", `/api/v1/gates/${reviewId}/decisions`, {
    decision: "CONDITIONAL_GO",
    rationale: "Go, with a data contract",
    conditions: [{ text: "Sign the data contract", ownerId: ctx.owner.id, dueOn: inDays(14) }],
  });
  const conditionId = (json as { conditions: { id: string }[] }).conditions[0]?.id;
  if (!conditionId) throw new Error("the decision created no condition");
  return { uc, conditionId };
}

/** A PROTOTYPE use case with its checklist (DONE), a feedback and an estimate revision. */
async function prototype(ctx: Ctx) {
  const uc = await seedUseCase(ctx, { stage: "PROTOTYPE" });
  await satisfyGateCriteria(ctx.prisma, "G2", { useCaseId: uc.id, authorId: ctx.owner.id });
  return uc;
}

async function service(ctx: Ctx) {
  const uc = await seedUseCase(ctx);
  const { json } = await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/services`, {
    name: `Scoring ${ctx.tag}`,
    environment: "DEV",
    url: "http://127.0.0.1:9/health",
  });
  return json as { id: string; version: number };
}

/** An inactive webhook (no event reaches it) to a closed port of this machine. */
async function webhook(ctx: Ctx) {
  const { json } = await api(ctx, "ADMIN", "POST", "/api/v1/webhooks", {
    url: "http://127.0.0.1:9/roadbook",
    events: ["gate.decided"],
    description: `Contract ${ctx.tag}`,
    active: false,
  });
  return json as { id: string; version: number };
}

/** A FAILED ping delivery (nothing listens on the port). */
async function failedDelivery(ctx: Ctx) {
  const hook = await webhook(ctx);
  const { json } = await api(ctx, "ADMIN", "POST", `/api/v1/webhooks/${hook.id}/test`);
  return json as { id: string; status: string };
}

const stale = (valid: Req): Req => ({ ...valid, body: { ...(valid.body as object), version: 999 } });

/** A model registry connection to a closed port of this machine (every sync fails fast: the link stays unread). */
async function registry(ctx: Ctx) {
  const { json } = await api(ctx, "ADMIN", "POST", "/api/v1/registries", {
    name: `Contract ${ctx.tag} ${Math.random().toString(36).slice(2, 8)}`,
    baseUrl: "http://127.0.0.1:9",
  });
  return json as { id: string };
}

/** A use case with a linked model (unread) and a PRODUCTION use case whose G3 approved v7 at a1b2c3d. */
async function modelLink(ctx: Ctx) {
  const uc = await seedUseCase(ctx);
  const reg = await registry(ctx);
  const { json } = await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/models`, {
    registryId: reg.id,
    modelName: "churn-model",
  });
  return { key: uc.key, id: (json as { id: string }).id, registryId: reg.id };
}

async function approvedInProduction(ctx: Ctx) {
  const uc = await seedUseCase(ctx, { stage: "PRODUCTION" });
  const review = await ctx.prisma.gateReview.create({
    data: {
      useCaseId: uc.id,
      fromStage: "PACKAGING",
      toStage: "PRODUCTION",
      status: "DECIDED",
      decision: "GO",
      requestedById: ctx.owner.id,
      decidedAt: new Date(),
    },
  });
  await ctx.prisma.gateRelease.create({
    data: {
      gateReviewId: review.id,
      useCaseId: uc.id,
      modelName: "churn-model",
      modelVersion: "7",
      commitRef: "a1b2c3d",
    },
  });
  return uc;
}

export const CASES: Record<string, Case> = {
  // --- Meta ---
  getHealth: { setup: async () => ({}) },
  getOpenApiDocument: { setup: async () => ({}) },

  // --- Use cases ---
  listUseCases: {
    setup: async (ctx) => {
      await seedUseCase(ctx);
      return { query: { q: ctx.tag, limit: "5" } };
    },
    noForbiddenRole: "every role reads every use case",
    invalid: (): Req[] => [{ query: { colour: "blue" } }, { query: { limit: "500" } }],
  },
  createUseCase: {
    setup: async (ctx) => ({ body: { title: `Contract ${ctx.tag}` } }),
  },
  getUseCase: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  updateUseCase: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key }, body: { version: 1, outcome: "Kept" } }),
    repeat: 409,
  },
  reopenUseCase: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx, { status: "STOPPED" })).key },
      body: { reason: "The sponsor found budget" },
    }),
    adminOnly: true,
    repeat: 409,
  },

  // --- Gates ---
  listGates: {
    setup: async (ctx) => ({ params: { key: (await openReview(ctx)).uc.key } }),
    noForbiddenRole: "every role reads every use case",
  },
  requestGateReview: {
    setup: async (ctx) => ({ params: { key: (await g1Ready(ctx)).key }, body: { note: "Ready for G1" } }),
    repeat: 409,
    probes: [
      {
        label: "an empty body is allowed",
        request: (_ctx, valid) => ({ params: valid.params, raw: { data: "", contentType: "application/json" } }),
        status: 201,
      },
      {
        label: "unmet entry criteria",
        request: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key }, body: {} }),
        status: 409,
      },
    ],
  },
  decideGate: {
    as: "BUSINESS",
    setup: async (ctx) => ({
      params: { id: (await openReview(ctx)).reviewId },
      body: { decision: "GO", rationale: "The POC holds" },
    }),
    repeat: 409,
    probes: [
      {
        label: "entry criteria no longer met when the review would pass",
        request: async (ctx) => {
          const { uc, reviewId } = await openReview(ctx);
          await ctx.prisma.useCase.update({ where: { id: uc.id }, data: { pocResult: "" } });
          return { params: { id: reviewId }, body: { decision: "GO", rationale: "The POC holds" } };
        },
        status: 409,
      },
    ],
  },
  closeCondition: {
    setup: async (ctx) => ({ params: { id: (await openCondition(ctx)).conditionId } }),
    repeat: 409,
  },

  // --- Checklists ---
  getChecklist: {
    setup: async (ctx) => ({ params: { key: (await prototype(ctx)).key }, query: { stage: "PROTOTYPE" } }),
    noForbiddenRole: "every role reads every use case",
    invalid: (valid) => [{ ...valid, query: { stage: "NOPE" } }],
  },
  updateChecklistItem: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, { stage: "PROTOTYPE" });
      await makeChecklist(ctx.prisma, { useCaseId: uc.id, stage: "PROTOTYPE" });
      const item = await ctx.prisma.checklistItem.findFirstOrThrow({ where: { useCaseId: uc.id } });
      return {
        params: { key: uc.key, itemId: item.id },
        body: { status: "IN_PROGRESS", note: "Started", version: item.version },
      };
    },
    probes: [{ label: "a stale version", request: (_ctx, valid) => stale(valid), status: 409 }],
  },
  signOffChecklist: {
    as: "IT",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, { stage: "PACKAGING" });
      await makeChecklist(ctx.prisma, { useCaseId: uc.id, stage: "PACKAGING", status: "DONE" });
      return { params: { key: uc.key } };
    },
    repeat: 409,
  },
  listChecklistTemplates: {
    setup: async () => ({}),
    noForbiddenRole: "every role reads the templates",
  },
  updateChecklistTemplate: {
    setup: async (ctx) => {
      const { json } = await api(ctx, "ADMIN", "GET", "/api/v1/checklist-templates");
      const template = (json as { stage: string; version: number; items: Record<string, unknown>[] }[]).find(
        (t) => t.stage === "PROTOTYPE",
      );
      if (!template) throw new Error("no PROTOTYPE template");
      // The same items again: a new version with the same content (other tests keep working).
      const items = template.items.map(({ answered: _answered, ...item }) => item);
      return { params: { stage: "PROTOTYPE" }, body: { items, expectedVersion: template.version } };
    },
    adminOnly: true,
    probes: [
      {
        label: "a stale expectedVersion",
        request: (_ctx, valid) => ({ ...valid, body: { ...(valid.body as object), expectedVersion: 0 } }),
        status: 409,
      },
    ],
  },

  // --- Value ---
  listEstimates: {
    setup: async (ctx) => ({ params: { key: (await prototype(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  createEstimate: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: {
        ebitdaLow: "100",
        ebitdaBase: "200",
        ebitdaHigh: "300",
        investment: "50",
        runCostPerYear: "10",
        horizonYears: 3,
        currency: "EUR",
      },
    }),
  },
  listActuals: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, { stage: "PRODUCTION" });
      await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/actuals`, {
        period: today().slice(0, 7),
        ebitda: "1000",
      });
      return { params: { key: uc.key } };
    },
    noForbiddenRole: "every role reads every use case",
  },
  createActual: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx, { stage: "PRODUCTION" })).key },
      body: { period: today().slice(0, 7), ebitda: "1250.50", note: "First month" },
    }),
    repeat: 409,
    probes: [
      {
        label: "not in production",
        request: async (ctx, valid) => ({ ...valid, params: { key: (await seedUseCase(ctx)).key } }),
        status: 409,
      },
    ],
  },
  listFeedback: {
    setup: async (ctx) => ({ params: { key: (await prototype(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  createFeedback: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key }, body: { text: "Useful", rating: 4 } }),
    noForbiddenRole: "every role may give feedback",
  },

  // --- Discussion ---
  listComments: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      await api(ctx, "BUSINESS", "POST", `/api/v1/use-cases/${uc.key}/comments`, { body: "First" });
      return { params: { key: uc.key } };
    },
    noForbiddenRole: "every role reads every use case",
    invalid: (valid) => [{ ...valid, query: { __unknown: "1" } }],
    probes: [
      {
        label: "an unknown gateReviewId",
        request: (_ctx, valid) => ({ ...valid, query: { gateReviewId: "cnotareview000000000000" } }),
        status: 404,
      },
    ],
  },
  createComment: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key }, body: { body: `Hello ${ctx.tag}` } }),
    noForbiddenRole: "every role may comment",
    probes: [
      {
        label: "an unknown gateReviewId",
        request: (_ctx, valid) => ({ ...valid, body: { body: "On a review", gateReviewId: "cnotareview00000000000" } }),
        status: 404,
      },
    ],
  },

  // --- Audit ---
  listAuditEvents: {
    setup: async () => ({ query: { limit: "5" } }),
    adminOnly: true,
    invalid: (): Req[] => [{ query: { limit: "0" } }, { query: { __unknown: "1" } }],
    probes: [
      { label: "an unknown use case", request: () => ({ query: { useCase: UNKNOWN_KEY } }), status: 404 },
      {
        label: "one use case's events, for any reader",
        as: "IT",
        request: async (ctx) => ({ query: { useCase: (await seedUseCase(ctx)).key } }),
        status: 200,
      },
    ],
  },

  // --- Tokens ---
  listApiTokens: {
    setup: async () => ({}),
    noForbiddenRole: "everyone manages their own tokens",
  },
  createApiToken: {
    setup: async (ctx) => ({ body: { name: `Contract ${ctx.tag}`, scope: "read-only", expiresInDays: 30 } }),
    session: true,
    noForbiddenRole: "everyone manages their own tokens",
    invalid: (valid) => [
      { body: { ...(valid.body as object), expiresInDays: 366 } },
      { body: { ...(valid.body as object), expiresInDays: 0 } },
      { body: { ...(valid.body as object), scope: "admin" } },
    ],
    probes: [
      { label: "an API token minting a token", viaToken: true, request: (_ctx, valid) => valid, status: 403 },
      {
        label: "the defaults: read-write, 90 days",
        request: (ctx) => ({ body: { name: `Defaults ${ctx.tag}` } }),
        status: 201,
      },
    ],
  },
  listUserApiTokens: {
    setup: async (ctx) => {
      await createApiToken(ctx.prisma, ctx.owner.email, `Contract list ${ctx.tag}`);
      return { params: { id: ctx.owner.id } };
    },
    adminOnly: true,
  },
  revokeUserApiToken: {
    setup: async (ctx) => {
      const name = `Contract admin revoke ${ctx.tag}`;
      await createApiToken(ctx.prisma, ctx.owner.email, name);
      const row = await ctx.prisma.apiToken.findFirstOrThrow({ where: { userId: ctx.owner.id, name } });
      return { params: { id: ctx.owner.id, tokenId: row.id } };
    },
    adminOnly: true,
    repeat: 200,
    probes: [
      {
        label: "a token of another user than the one in the path",
        request: async (ctx, valid) => {
          const name = `Contract other ${ctx.tag}`;
          await createApiToken(ctx.prisma, ctx.actors.IT.email, name);
          const row = await ctx.prisma.apiToken.findFirstOrThrow({ where: { userId: ctx.actors.IT.id, name } });
          return { params: { id: valid.params?.id ?? "", tokenId: row.id } };
        },
        status: 404,
      },
    ],
  },
  revokeApiToken: {
    setup: async (ctx) => {
      const name = `Contract revoke ${ctx.tag}`;
      await createApiToken(ctx.prisma, ctx.actors.ADMIN.email, name);
      const row = await ctx.prisma.apiToken.findFirstOrThrow({ where: { userId: ctx.actors.ADMIN.id, name } });
      return { params: { id: row.id } };
    },
    noForbiddenRole: "everyone manages their own tokens (another user's is a 404)",
    repeat: 200,
  },

  // --- Webhooks ---
  listWebhooks: {
    setup: async (ctx) => {
      await webhook(ctx);
      return {};
    },
    adminOnly: true,
  },
  createWebhook: {
    setup: async (ctx) => ({
      body: { url: "http://127.0.0.1:9/created", events: ["stage.changed"], active: false, description: ctx.tag },
    }),
    adminOnly: true,
    probes: [
      {
        label: "a URL the address policy refuses",
        request: () => ({ body: { url: "http://169.254.169.254/latest", events: ["stage.changed"] } }),
        status: 422,
      },
    ],
  },
  getWebhook: { setup: async (ctx) => ({ params: { id: (await webhook(ctx)).id } }), adminOnly: true },
  updateWebhook: {
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      return { params: { id: hook.id }, body: { version: hook.version, description: "Edited" } };
    },
    adminOnly: true,
    repeat: 409,
  },
  deleteWebhook: {
    setup: async (ctx) => ({ params: { id: (await webhook(ctx)).id } }),
    adminOnly: true,
    repeat: 404,
  },
  testWebhook: { setup: async (ctx) => ({ params: { id: (await webhook(ctx)).id } }), adminOnly: true },
  rotateWebhookSecret: { setup: async (ctx) => ({ params: { id: (await webhook(ctx)).id } }), adminOnly: true },
  listWebhookDeliveries: {
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      await api(ctx, "ADMIN", "POST", `/api/v1/webhooks/${hook.id}/test`);
      return { params: { id: hook.id } };
    },
    adminOnly: true,
  },
  retryWebhookDelivery: {
    setup: async (ctx) => ({ params: { id: (await failedDelivery(ctx)).id } }),
    adminOnly: true,
    repeat: 200,
  },

  // --- Services ---
  listServices: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/services`, {
        name: "Grafana",
        environment: "STAGING",
        url: "http://127.0.0.1:9/grafana",
      });
      return { params: { key: uc.key } };
    },
    noForbiddenRole: "every role reads every use case",
  },
  createService: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: { name: "Scoring API", environment: "DEV", url: "http://127.0.0.1:9/score" },
    }),
  },
  importComposeServices: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      query: { baseUrl: "http://127.0.0.1" },
      raw: {
        data: "services:\n  grafana:\n    image: grafana/grafana:11.0.0\n    ports:\n      - '3000:3000'\n",
        contentType: "application/yaml",
      },
    }),
    // The preview only reads the use case; saving is what the roles are refused.
    forbiddenRequest: (valid) => ({ ...valid, query: { ...valid.query, save: "true" } }),
    invalid: (valid) => [
      { ...valid, query: {} },
      { ...valid, raw: { data: "services: [", contentType: "application/yaml" } },
      { ...valid, raw: { data: "just: text\n", contentType: "application/yaml" } },
      { ...valid, query: { ...valid.query, save: "true", environment: "MARS" } },
    ],
    probes: [
      {
        label: "save=true saves the proposed services",
        request: (_ctx, valid) => ({ ...valid, query: { ...valid.query, save: "true" } }),
        status: 201,
      },
    ],
  },
  updateService: {
    setup: async (ctx) => {
      const svc = await service(ctx);
      return { params: { id: svc.id }, body: { version: svc.version, note: "Edited" } };
    },
    repeat: 409,
  },
  deleteService: {
    setup: async (ctx) => ({ params: { id: (await service(ctx)).id } }),
    repeat: 404,
  },
  checkService: {
    setup: async (ctx) => ({ params: { id: (await service(ctx)).id } }),
    noForbiddenRole: "every role may probe a service",
  },

  // --- Portfolio, settings ---
  getPortfolioSummary: {
    setup: async () => ({ query: { benefitArea: "COST_REDUCTION" } }),
    noForbiddenRole: "every role reads the portfolio",
    invalid: () => [{ query: { colour: "blue" } }],
  },
  getSettings: { setup: async () => ({}) },
  listUsers: {
    setup: async () => ({ query: { role: "IT" } }),
    adminOnly: true,
    invalid: (): Req[] => [{ query: { status: "nope" } }, { query: { colour: "blue" } }],
  },
  createUser: {
    setup: async (ctx) => ({
      body: { email: `contract-${ctx.tag}@test.roadbook`, name: `Contract ${ctx.tag}`, role: "BUSINESS" },
    }),
    adminOnly: true,
    // The same email again.
    repeat: 409,
  },
  updateUser: {
    setup: async (ctx) => {
      const user = await makeUser(ctx.prisma, { role: "BUSINESS", name: `Contract ${ctx.tag}` });
      return { params: { id: user.id }, body: { team: "Contract", updatedAt: user.updatedAt.toISOString() } };
    },
    adminOnly: true,
    // The same updatedAt again: stale now.
    repeat: 409,
  },
  updateSettings: {
    // Only the version: a save that changes nothing (other tests depend on the settings).
    setup: async (ctx) => ({
      body: { version: (await ctx.prisma.orgSettings.findUnique({ where: { id: 1 } }))?.version ?? 1 },
    }),
    adminOnly: true,
    probes: [
      { label: "a bad allow-list entry", request: () => ({ body: { probeAllow: ["not a host!"] } }), status: 422 },
    ],
  },

  // --- Cost and net value ---
  listCosts: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      await api(ctx, "IT", "POST", `/api/v1/use-cases/${uc.key}/costs`, {
        period: today().slice(0, 7),
        category: "CLOUD",
        amount: "420.00",
      });
      return { params: { key: uc.key } };
    },
    noForbiddenRole: "every role reads every use case",
  },
  createCost: {
    // BUSINESS records on any use case; DATA_SCIENTIST and ADMIN only as owner or sponsor (403 here).
    as: "BUSINESS",
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: { period: today().slice(0, 7), category: "LICENCES", amount: "1250.50", note: "Annual seat, this month" },
    }),
    // The same (period, category) again.
    repeat: 409,
    probes: [
      {
        label: "FTE days on a cloud cost",
        request: (_ctx, valid) => ({ ...valid, body: { ...(valid.body as object), category: "CLOUD", fteDays: "2" } }),
        status: 422,
      },
    ],
  },
  // --- Risk screening ---
  getAssessment: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  updateAssessment: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: { answers: CREDIT_SCORING_ANSWERS, version: 0 },
    }),
    // The same version again: stale now.
    repeat: 409,
    probes: [
      {
        label: "an answer the template does not know",
        request: (_ctx, valid) => ({ ...valid, body: { answers: { surprise: true }, version: 0 } }),
        status: 422,
      },
    ],
  },
  submitAssessment: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      await api(ctx, "ADMIN", "PATCH", `/api/v1/use-cases/${uc.key}/assessment`, {
        answers: CREDIT_SCORING_ANSWERS,
        version: 0,
      });
      return { params: { key: uc.key }, body: {} };
    },
    // Submitted already.
    repeat: 409,
    probes: [
      {
        label: "required questions unanswered",
        request: async (ctx) => {
          const uc = await seedUseCase(ctx);
          await api(ctx, "ADMIN", "PATCH", `/api/v1/use-cases/${uc.key}/assessment`, {
            answers: { safetyComponent: true },
            version: 0,
          });
          return { params: { key: uc.key }, body: {} };
        },
        status: 422,
      },
    ],
  },
  reviewAssessment: {
    as: "RISK",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      await api(ctx, "ADMIN", "PATCH", `/api/v1/use-cases/${uc.key}/assessment`, {
        answers: CREDIT_SCORING_ANSWERS,
        version: 0,
      });
      await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/assessment/submit`, {});
      return { params: { key: uc.key }, body: { decision: "APPROVE", rationale: "Annex III: credit scoring." } };
    },
    // Reviewed already.
    repeat: 409,
  },
  importUseCases: {
    setup: async (ctx) => ({
      query: { dryRun: "false", fileName: "contract.csv" },
      raw: {
        data: `Name;Stage;Benefit\r\nContract ${ctx.tag} ${Math.random()};Prototype;cost reduction\r\n`,
        contentType: "text/csv",
      },
    }),
    invalid: (valid) => [
      { ...valid, raw: { data: "", contentType: "text/csv" } },
      { ...valid, raw: { data: 'Title\r\n"never closed\r\n', contentType: "text/csv" } },
      { ...valid, query: { ...valid.query, dryRun: "maybe" } },
      { ...valid, query: { ...valid.query, mapping: "{not json" } },
      // All or none: one invalid row (an unknown owner) and nothing is written.
      { ...valid, raw: { data: "Title,Owner email\r\nGhost,nobody@nowhere.test\r\n", contentType: "text/csv" } },
    ],
    probes: [
      {
        label: "an XLSX body is not read yet",
        request: (_ctx, valid) => ({
          ...valid,
          raw: { data: "PK", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        }),
        status: 415,
      },
      {
        label: "a dry run answers the preview",
        request: (_ctx, valid) => ({ ...valid, query: { dryRun: "true" } }),
        status: 200,
      },
    ],
  },
  // --- Toolchain ---
  listRegistries: {
    setup: async (ctx) => {
      await registry(ctx);
      return {};
    },
    adminOnly: true,
  },
  createRegistry: {
    setup: async (ctx) => ({ body: { name: `Contract ${ctx.tag}`, baseUrl: "http://127.0.0.1:9" } }),
    adminOnly: true,
    // The same name again.
    repeat: 422,
    invalid: (valid) => [
      { body: { ...(valid.body as object), baseUrl: "http://169.254.169.254" } },
      { body: { ...(valid.body as object), auth: "BEARER" } },
    ],
  },
  deleteRegistry: {
    setup: async (ctx) => ({ params: { id: (await registry(ctx)).id } }),
    adminOnly: true,
    repeat: 404,
  },
  listModelLinks: {
    setup: async (ctx) => ({ params: { key: (await modelLink(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  linkModel: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      return { params: { key: uc.key }, body: { registryId: (await registry(ctx)).id, modelName: "churn-model" } };
    },
    // Already linked.
    repeat: 422,
    invalid: (valid) => [{ ...valid, body: { ...(valid.body as object), registryId: "no-such-registry" } }],
  },
  unlinkModel: {
    setup: async (ctx) => {
      const link = await modelLink(ctx);
      return { params: { key: link.key, id: link.id } };
    },
    repeat: 404,
  },
  syncModels: {
    setup: async (ctx) => ({ params: { key: (await modelLink(ctx)).key } }),
    noForbiddenRole: "every role may read a use case's models from the registry now",
  },
  getRepository: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  setRepository: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: { url: "https://git.example.com/team/churn" },
    }),
    invalid: (valid) => [{ ...valid, body: { url: "git@example.com:team/churn.git" } }],
  },
  checkDeploymentApproval: {
    setup: async (ctx) => ({
      params: { key: (await approvedInProduction(ctx)).key },
      query: { environment: "production", modelVersion: "7", commit: "a1b2c3d" },
    }),
    noForbiddenRole: "every role may ask (and a deploy:check token); the answer is `allowed`, not a refusal",
    invalid: (valid): Req[] => [
      { ...valid, query: { environment: "moon", modelVersion: "7" } },
      { ...valid, query: { environment: "production" } },
      { ...valid, query: { ...valid.query, commit: "not a sha!" } },
      { ...valid, query: { ...valid.query, colour: "blue" } },
    ],
  },
  // --- Flow: out-of-office delegation ---
  getMyDelegation: { setup: async () => ({}), as: "BUSINESS" },
  setMyDelegation: {
    as: "BUSINESS",
    setup: async (ctx) => {
      const delegate = await makeUser(ctx.prisma, { role: "BUSINESS", name: `Contract delegate ${ctx.tag}` });
      return { body: { delegateId: delegate.id, from: today(), to: inDays(5) } };
    },
    probes: [
      {
        label: "a delegate of another role",
        request: async (ctx) => ({
          body: { delegateId: (await makeUser(ctx.prisma, { role: "IT" })).id, from: today(), to: inDays(3) },
        }),
        status: 422,
      },
      {
        label: "the last day before the first",
        request: () => ({ body: { delegateId: "x", from: inDays(3), to: today() } }),
        status: 422,
      },
    ],
  },
};

/** A complete screening of a credit-scoring use case (HIGH: an Annex III area). */
const CREDIT_SCORING_ANSWERS = {
  prohibitedPractices: ["none"],
  annexIIIAreas: ["essential-services"],
  safetyComponent: false,
  interactsWithPeople: false,
  generatesContent: false,
  personalData: true,
  affectedPeople: "Loan applicants, about 40,000 a year.",
  humanOversight: "in-the-loop",
};
