// Contract cases: evidence files.
import { makeAttachment, makeChecklist } from "@/prisma/seed/factories";
import { type Case, type Ctx, type Req, seedUseCase } from "./kit";

/** A use case in PROTOTYPE with its checklist: an item to attach to. */
async function checklistItem(ctx: Ctx) {
  const uc = await seedUseCase(ctx, { stage: "PROTOTYPE" });
  await makeChecklist(ctx.prisma, { useCaseId: uc.id, stage: "PROTOTYPE" });
  const item = await ctx.prisma.checklistItem.findFirstOrThrow({ where: { useCaseId: uc.id } });
  return { uc, item };
}

/** A stored file uploaded by the use case's owner (who holds no token: only ADMIN may remove it). */
async function storedFile(ctx: Ctx) {
  const { item } = await checklistItem(ctx);
  return makeAttachment(ctx.prisma, { checklistItemId: item.id, uploadedById: ctx.owner.id, filename: "contract.txt" });
}

export const ATTACHMENTS_CASES: Record<string, Case> = {
  listAttachments: {
    setup: async (ctx) => {
      const file = await storedFile(ctx);
      const uc = await ctx.prisma.useCase.findUniqueOrThrow({ where: { id: file.useCaseId } });
      return { params: { key: `UC-${uc.number}` }, query: { target: "CHECKLIST_ITEM" } };
    },
    noForbiddenRole: "every role reads every use case",
    invalid: (valid): Req[] => [
      { ...valid, query: { __unknown: "1" } },
      { ...valid, query: { target: "SPREADSHEET" } },
      { ...valid, query: { targetId: "c123" } },
    ],
    probes: [
      {
        label: "an unknown checklist item",
        request: (_ctx, valid) => ({ ...valid, query: { target: "CHECKLIST_ITEM", targetId: "cnotanitem0000000000" } }),
        status: 404,
      },
    ],
  },
  uploadAttachment: {
    setup: async (ctx) => {
      const { uc, item } = await checklistItem(ctx);
      return {
        params: { key: uc.key },
        query: { target: "CHECKLIST_ITEM", targetId: item.id, filename: `evidence ${ctx.tag}.txt` },
        raw: { data: `Evidence ${ctx.tag}`, contentType: "application/octet-stream" },
      };
    },
    invalid: (valid) => [
      { ...valid, raw: { data: "", contentType: "application/octet-stream" } },
      { ...valid, query: { ...valid.query, filename: "" } },
      { ...valid, query: { ...valid.query, target: "SPREADSHEET" } },
    ],
    probes: [
      {
        label: "another use case's checklist item",
        request: async (ctx, valid) => {
          const other = await checklistItem(ctx);
          return { ...valid, query: { ...valid.query, targetId: other.item.id } };
        },
        status: 404,
      },
      {
        label: "a decided gate review",
        request: async (ctx, valid) => {
          const uc = await ctx.prisma.useCase.findFirstOrThrow({
            where: { number: Number(valid.params?.key?.slice(3)) },
          });
          const review = await ctx.prisma.gateReview.create({
            data: {
              useCaseId: uc.id,
              fromStage: "POC",
              toStage: "PROTOTYPE",
              requestedById: ctx.owner.id,
              status: "DECIDED",
              decision: "GO",
            },
          });
          return { ...valid, query: { ...valid.query, target: "GATE_REVIEW", targetId: review.id } };
        },
        status: 409,
      },
    ],
  },
  downloadAttachment: {
    setup: async (ctx) => ({ params: { id: (await storedFile(ctx)).id } }),
    noForbiddenRole: "whoever may read the use case downloads its files: every role",
  },
  deleteAttachment: {
    setup: async (ctx) => ({ params: { id: (await storedFile(ctx)).id } }),
    adminOnly: true,
    repeat: 404,
  },
};
