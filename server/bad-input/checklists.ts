// Bad-input ops at the domain layer: checklists and their templates.
import { z } from "zod";
import { ChecklistItemUpdateSchema, TemplateUpdateSchema } from "@/lib/validation/checklist";
import { makeChecklist } from "@/prisma/seed/factories";
import { useCaseState } from "@/test-support/bad-input-targets/kit";
import { listTemplates, updateTemplate } from "../checklists/manage-templates";
import { signOffChecklist } from "../checklists/sign-off-checklist";
import { updateChecklistItem } from "../checklists/update-checklist-item";
import { db } from "../db";
import { idOnly, type Op, seedUseCase, withActor } from "./kit";

export const CHECKLISTS_OPS: Record<string, Op> = {
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
};
