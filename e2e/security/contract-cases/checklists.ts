// Contract cases: checklists and their templates.
import { makeChecklist } from "@/prisma/seed/factories";
import { api, type Case, prototype, seedUseCase, stale } from "./kit";

export const CHECKLISTS_CASES: Record<string, Case> = {
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
};
