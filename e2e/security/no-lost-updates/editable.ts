// The versioned records of the no-lost-updates test (e2e/security/no-lost-updates.spec.ts), keyed by the
// operationId that edits them: how to make a fresh one, the edit each parallel writer sends, and
// how to read back what was stored.
import type { APIRequestContext } from "@playwright/test";
import type { PrismaClient } from "@/prisma/client";
import { makeChecklist, makeUseCase, makeUser } from "@/prisma/seed/factories";
import { currentTemplate } from "@/test-support/bad-input-targets/kit";

export type Actor = { id: string; email: string; token: string };
export type Ctx = {
  request: APIRequestContext;
  prisma: PrismaClient;
  admin: Actor;
  owner: { id: string };
  tag: string;
};

/** One editable record, ready for a round of parallel edits. */
type Subject = {
  /** The edit request from `version`, the i-th of the round (different values each). */
  edit: (version: number, i: number, round: number) => { method: string; path: string; body: unknown };
  /** The version and the values the edits set, as stored now. */
  stored: () => Promise<{ version: number; values: unknown }>;
  /** The values the i-th edit of the round sets. */
  values: (i: number, round: number) => unknown;
  /** The version in a 409's `current` (the record as it now is). */
  currentVersion: (current: unknown) => number | undefined;
  /** Whether `to` is the version right after `from` (default: exactly one more). */
  next?: (from: number, to: number) => boolean;
  /** Put back what the edits changed on a record other tests share. */
  restore?: () => Promise<void>;
};

type Editable = {
  /** The record type and its version field. */
  record: string;
  /**
   * A single row other spec files save too (the settings, a checklist template): its version can
   * move under a test, so "nothing was written" compares only what this test would have written.
   */
  shared?: true;
  setup: (ctx: Ctx) => Promise<Subject>;
};

export const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));

async function api(ctx: Ctx, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await ctx.request.fetch(path, {
    method,
    headers: { authorization: `Bearer ${ctx.admin.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status() >= 300) throw new Error(`setup ${method} ${path} answered ${response.status()}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const versionOf = (current: unknown) => (current as { version?: number } | null)?.version;

/** Keyed by the operationId that edits the record. */
export const EDITABLE: Record<string, Editable> = {
  setPlan: {
    record: "UseCasePlan.version",
    setup: async (ctx) => {
      const row = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id, title: `Lost update plan ${ctx.tag}` });
      // A distinct production day per writer and round, all after the prototype target.
      const values = (i: number, round: number) => ({
        production: `2028-${String(round).padStart(2, "0")}-${String(i + 1).padStart(2, "0")}`,
      });
      return {
        edit: (version, i, round) => ({
          method: "PUT",
          path: `/api/v1/use-cases/UC-${row.number}/plan`,
          body: { version, prototype: "2027-01-15", ...values(i, round) },
        }),
        values,
        stored: async () => {
          const plan = await ctx.prisma.useCasePlan.findUnique({ where: { useCaseId: row.id } });
          return {
            version: plan?.version ?? 0,
            values: { production: plan?.productionOn?.toISOString().slice(0, 10) },
          };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateAssessment: {
    record: "RiskAssessment.version",
    setup: async (ctx) => {
      const row = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id, title: `Lost update screening ${ctx.tag}` });
      const values = (i: number, round: number) => ({ affectedPeople: `Applicants r${round} #${i}` });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/use-cases/UC-${row.number}/assessment`,
          body: { version, answers: values(i, round) },
        }),
        values,
        stored: async () => {
          const a = await ctx.prisma.riskAssessment.findUnique({ where: { useCaseId: row.id } });
          const answers = (a?.answers ?? {}) as { affectedPeople?: string };
          return { version: a?.version ?? 0, values: { affectedPeople: answers.affectedPeople } };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateModelCard: {
    record: "ModelCard.version",
    setup: async (ctx) => {
      const row = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id, title: `Lost update card ${ctx.tag}` });
      const values = (i: number, round: number) => ({ intendedUse: `Credit limits r${round} #${i}` });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/use-cases/UC-${row.number}/model-card`,
          body: { version, ...values(i, round) },
        }),
        values,
        stored: async () => {
          const card = await ctx.prisma.modelCard.findUnique({ where: { useCaseId: row.id } });
          return { version: card?.version ?? 0, values: { intendedUse: card?.intendedUse } };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateRisk: {
    record: "UseCaseRisk.version",
    setup: async (ctx) => {
      const row = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id, title: `Lost update risk ${ctx.tag}` });
      const risk = await ctx.prisma.useCaseRisk.create({
        data: { useCaseId: row.id, title: "Data drift", category: "ROBUSTNESS", likelihood: 3, impact: 3 },
      });
      const values = (i: number, round: number) => ({ mitigation: `Weekly report r${round} #${i}` });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/use-cases/UC-${row.number}/risks/${risk.id}`,
          body: { version, ...values(i, round) },
        }),
        values,
        stored: async () => {
          const stored = await ctx.prisma.useCaseRisk.findUniqueOrThrow({ where: { id: risk.id } });
          return { version: stored.version, values: { mitigation: stored.mitigation } };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateUseCase: {
    record: "UseCase.version",
    setup: async (ctx) => {
      const row = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id, title: `Lost update ${ctx.tag}` });
      const values = (i: number, round: number) => ({
        title: `Lost update ${ctx.tag} r${round} #${i}`,
        outcome: `Outcome ${round}.${i}`,
      });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/use-cases/UC-${row.number}`,
          body: { version, ...values(i, round) },
        }),
        values,
        stored: async () => {
          const uc = await ctx.prisma.useCase.findUniqueOrThrow({ where: { id: row.id } });
          return { version: uc.version, values: { title: uc.title, outcome: uc.outcome } };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateChecklistItem: {
    record: "ChecklistItem.version",
    setup: async (ctx) => {
      const row = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id, stage: "PROTOTYPE" });
      await makeChecklist(ctx.prisma, { useCaseId: row.id, stage: "PROTOTYPE" });
      const item = await ctx.prisma.checklistItem.findFirstOrThrow({
        where: { useCaseId: row.id, answerType: "NONE" },
        orderBy: { position: "asc" },
      });
      const values = (i: number, round: number) => ({
        status: i % 2 ? "IN_PROGRESS" : "TODO",
        note: `Note r${round} #${i}`,
      });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/use-cases/UC-${row.number}/checklist/${item.id}`,
          body: { version, ...values(i, round) },
        }),
        values,
        stored: async () => {
          const now = await ctx.prisma.checklistItem.findUniqueOrThrow({ where: { id: item.id } });
          return { version: now.version, values: { status: now.status, note: now.note } };
        },
        // The conflict carries the whole checklist: the item's version in it.
        currentVersion: (current) =>
          (current as { items?: { id: string; version?: number }[] } | null)?.items?.find((it) => it.id === item.id)
            ?.version,
      };
    },
  },
  updateService: {
    record: "Service.version",
    setup: async (ctx) => {
      const row = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id });
      const created = (await api(ctx, "POST", `/api/v1/use-cases/UC-${row.number}/services`, {
        name: "Scoring API",
        environment: "DEV",
        url: "http://127.0.0.1:9/score",
      })) as { id: string };
      const values = (i: number, round: number) => ({
        name: `Service r${round} #${i}`,
        note: `Note ${round}.${i}`,
        environment: (["DEV", "STAGING", "PRODUCTION"] as const)[i % 3],
      });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/services/${created.id}`,
          body: { version, ...values(i, round) },
        }),
        values,
        stored: async () => {
          const now = await ctx.prisma.service.findUniqueOrThrow({ where: { id: created.id } });
          return { version: now.version, values: { name: now.name, note: now.note, environment: now.environment } };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateWebhook: {
    record: "Webhook.version",
    setup: async (ctx) => {
      const hook = (await api(ctx, "POST", "/api/v1/webhooks", {
        url: "http://127.0.0.1:9/lost-update",
        events: ["gate.decided"],
        description: `Lost update ${ctx.tag}`,
        active: false,
      })) as { id: string };
      const EVENTS = ["gate.requested", "gate.decided", "stage.changed", "service.down"];
      const values = (i: number, round: number) => ({
        description: `Webhook r${round} #${i}`,
        events: [EVENTS[i % EVENTS.length]],
      });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/webhooks/${hook.id}`,
          body: { version, ...values(i, round) },
        }),
        values,
        stored: async () => {
          const now = await ctx.prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } });
          return { version: now.version, values: { description: now.description, events: now.events } };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateView: {
    record: "SavedView.version",
    setup: async (ctx) => {
      const view = (await api(ctx, "POST", "/api/v1/views", { name: `Lost update ${ctx.tag}` })) as { id: string };
      const values = (i: number, round: number) => ({
        name: `View r${round} #${i} ${ctx.tag}`,
        query: `q=r${round}i${i}`,
      });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/views/${view.id}`,
          body: { version, ...values(i, round) },
        }),
        values,
        stored: async () => {
          const now = await ctx.prisma.savedView.findUniqueOrThrow({ where: { id: view.id } });
          return { version: now.version, values: { name: now.name, query: now.query } };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateChatChannel: {
    record: "Webhook.version (a chat channel)",
    setup: async (ctx) => {
      // Paused, to a closed port of this machine: nothing is ever posted.
      const channel = (await api(ctx, "POST", "/api/v1/chat-channels", {
        tool: "SLACK",
        name: `Lost update ${ctx.tag}`,
        url: "http://127.0.0.1:9/services/T0/B0/lost-update",
        events: ["gate.decided"],
        active: false,
      })) as { id: string };
      const EVENTS = ["gate.requested", "gate.decided", "condition.due", "service.down", "registry.drift"];
      const values = (i: number, round: number) => ({
        name: `Chat channel r${round} #${i}`,
        events: [EVENTS[i % EVENTS.length]],
      });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/chat-channels/${channel.id}`,
          body: { version, ...values(i, round) },
        }),
        values,
        stored: async () => {
          const now = await ctx.prisma.webhook.findUniqueOrThrow({ where: { id: channel.id } });
          return { version: now.version, values: { name: now.description, events: now.events } };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateChecklistTemplate: {
    record: "ChecklistTemplate (a new version per save; the PUT's expectedVersion)",
    shared: true,
    setup: async (ctx) => {
      // The template is shared by every test: the edits add one retired item of this test's own
      // (retired items are not copied into checklists) and keep the others as they are.
      const key = `lost-update-${ctx.tag}`.slice(0, 40);
      let items: Record<string, unknown>[] = [];
      const values = (i: number, round: number) => ({ label: `Lost update r${round} #${i}` });
      return {
        edit: (version, i, round) => ({
          method: "PUT",
          path: "/api/v1/checklist-templates/PROTOTYPE",
          body: {
            expectedVersion: version,
            items: [{ key, section: "Lost update", answerType: "NONE", retired: true, ...values(i, round) }, ...items],
          },
        }),
        values,
        stored: async () => {
          const current = await currentTemplate(ctx, "PROTOTYPE");
          items = current.items;
          const mine = await ctx.prisma.checklistTemplateItem.findFirst({
            where: { key, template: { stage: "PROTOTYPE", version: current.version } },
          });
          return { version: current.version, values: mine ? { label: mine.label } : null };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateSettings: {
    record: "OrgSettings.version",
    shared: true,
    setup: async (ctx) => {
      // One shared row: the edits only add a harmless allow-list entry (a host that cannot
      // resolve), and the allow-list is put back afterwards.
      const read = async () =>
        (await (
          await ctx.request.get("/api/v1/settings", { headers: { authorization: `Bearer ${ctx.admin.token}` } })
        ).json()) as { version: number; probeAllow: string[] };
      const original = (await read()).probeAllow.filter((entry) => !entry.startsWith("lost-update-"));
      // The values are this test's own entries: other tests save the same row meanwhile.
      const values = (i: number, round: number) => ({
        probeAllow: [`lost-update-${ctx.tag}-r${round}-${i}.invalid`],
      });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: "/api/v1/settings",
          body: { version, probeAllow: [...original, ...values(i, round).probeAllow] },
        }),
        values,
        // Before the first save there is no row: the settings read as the defaults, version 1.
        stored: async () => {
          const row = await ctx.prisma.orgSettings.findUnique({ where: { id: 1 } });
          const mine = (row?.probeAllow ?? []).filter((entry) => entry.includes(ctx.tag));
          return { version: row?.version ?? 1, values: { probeAllow: mine } };
        },
        currentVersion: versionOf,
        restore: async () => {
          const now = await read();
          await api(ctx, "PATCH", "/api/v1/settings", {
            version: now.version,
            probeAllow: now.probeAllow.filter((entry) => !entry.startsWith("lost-update-")),
          });
        },
      };
    },
  },
  updateUser: {
    record: "User.updatedAt (users have no version column: updatedAt is the concurrency token)",
    setup: async (ctx) => {
      const user = await makeUser(ctx.prisma, { role: "BUSINESS" });
      const values = (i: number, round: number) => ({ team: `Team r${round} #${i}` });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/users/${user.id}`,
          body: { updatedAt: new Date(version).toISOString(), ...values(i, round) },
        }),
        values,
        stored: async () => {
          const now = await ctx.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
          return { version: now.updatedAt.getTime(), values: { team: now.team } };
        },
        currentVersion: (current) => {
          const at = (current as { updatedAt?: string } | null)?.updatedAt;
          return at ? Date.parse(at) : undefined;
        },
        // A later instant, not one more.
        next: (from, to) => to > from,
      };
    },
  },
};

/**
 * PATCH/PUT operations of the registry that edit a record without a version: each is a finding
 * (two people saving at once: the last one wins silently), reported, not fixed here.
 */
