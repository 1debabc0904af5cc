// The versioned records of one use case: its plan, risk assessment, model card, risks, the use
// case itself and a checklist item.
import { makeChecklist, makeUseCase } from "@/prisma/seed/factories";
import { type Editable, versionOf } from "./editable-kit";

export const USE_CASE_RECORDS: Record<string, Editable> = {
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
};
