// Bad-input targets: checklists and their templates.
import { makeChecklist } from "@/prisma/seed/factories";
import { currentTemplate, seedUseCase, type Target, useCaseState, withActor } from "./kit";

export const CHECKLISTS_TARGETS: Record<string, Target> = {
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
};
