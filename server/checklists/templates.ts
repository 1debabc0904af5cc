import "server-only";
import { type ChecklistStage, DEFAULT_TEMPLATES } from "@/lib/checklist-templates";
import type { PrismaClient } from "@/prisma/client";
import type { Tx } from "../db";
import { addTierItems } from "./tier-items";

type Client = Pick<PrismaClient, "checklistTemplate"> | Tx;

const include = { items: { orderBy: { position: "asc" } } } as const;

const latest = (client: Client, stage: ChecklistStage) =>
  client.checklistTemplate.findFirst({ where: { stage }, orderBy: { version: "desc" }, include });

function createVersionOne(client: Client, stage: ChecklistStage) {
  return client.checklistTemplate.create({
    data: {
      stage,
      version: 1,
      items: {
        create: DEFAULT_TEMPLATES[stage].map((item, position) => ({
          key: item.key,
          section: item.section,
          label: item.label,
          position,
          answerType: item.answerType,
          options: [...(item.options ?? [])],
          evidenceKind: item.evidenceKind ?? null,
        })),
      },
    },
  });
}

/**
 * The newest version of a stage's template; the first time, version 1 is created from the
 * article's defaults (lib/checklist-templates.ts). Call it outside a transaction: two
 * first callers meet the unique (stage, version) and the loser reads the winner's.
 */
export async function ensureTemplate(client: Pick<PrismaClient, "checklistTemplate">, stage: ChecklistStage) {
  const existing = await latest(client, stage);
  if (existing) return existing;
  await createVersionOne(client, stage).catch((error: { code?: string }) => {
    if (error.code !== "P2002") throw error;
  });
  const created = await latest(client, stage);
  if (!created) throw new Error(`No ${stage} checklist template`);
  return created;
}

/** Give the use case its copy of the stage's current template (non-retired items), unless it has one. */
export async function instantiateChecklist(tx: Tx, useCaseId: string, stage: ChecklistStage): Promise<void> {
  if ((await tx.checklistItem.count({ where: { useCaseId, stage } })) > 0) return;
  // ensureTemplate ran before the transaction in the normal path; this covers a first-ever use.
  let template = await latest(tx, stage);
  if (!template) {
    await createVersionOne(tx, stage);
    template = await latest(tx, stage);
  }
  if (!template) throw new Error(`No ${stage} checklist template`);
  await tx.checklistItem.createMany({
    data: template.items
      .filter((item) => !item.retired)
      .map((item, position) => ({
        useCaseId,
        stage,
        section: item.section,
        label: item.label,
        position,
        answerType: item.answerType,
        options: item.options,
        evidenceKind: item.evidenceKind,
        templateItemId: item.id,
        itemKey: item.key,
      })),
  });
  if (stage === "PACKAGING") {
    const { riskTier } = await tx.useCase.findUniqueOrThrow({ where: { id: useCaseId }, select: { riskTier: true } });
    await addTierItems(tx, useCaseId, riskTier, null);
  }
}
