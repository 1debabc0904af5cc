// Bad-input targets: evidence files (the upload's query and body; the removal's id).
import { makeAttachment, makeChecklist, makeUseCase } from "@/prisma/seed/factories";
import { actorState, json, keyOf, type Target, type TargetCtx } from "./kit";

async function checklistItem(ctx: TargetCtx) {
  const uc = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id, title: `Fuzz ${ctx.tag}`, stage: "PROTOTYPE" });
  await makeChecklist(ctx.prisma, { useCaseId: uc.id, stage: "PROTOTYPE" });
  const item = await ctx.prisma.checklistItem.findFirstOrThrow({ where: { useCaseId: uc.id } });
  return { uc, item };
}

/** The use case's files (descriptions) and the actor's audit trail. */
const filesOf = (ctx: TargetCtx, useCaseId: string) => async () =>
  json({
    files: await ctx.prisma.attachment.findMany({
      where: { useCaseId },
      select: { id: true, filename: true, size: true, sha256: true },
      orderBy: { id: "asc" },
    }),
    actor: await actorState(ctx.prisma, ctx.actor.id),
  });

export const ATTACHMENTS_TARGETS: Record<string, Target> = {
  uploadAttachment: {
    as: "IT",
    setup: async (ctx) => {
      const { uc, item } = await checklistItem(ctx);
      return {
        params: { key: keyOf(uc) },
        query: { target: "CHECKLIST_ITEM", targetId: item.id, filename: "fuzz.txt" },
        raw: { data: `Fuzz ${ctx.tag}`, contentType: "application/octet-stream" },
        snapshot: filesOf(ctx, uc.id),
      };
    },
  },
  deleteAttachment: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, item } = await checklistItem(ctx);
      const file = await makeAttachment(ctx.prisma, { checklistItemId: item.id, uploadedById: ctx.owner.id });
      return { params: { id: file.id }, snapshot: filesOf(ctx, uc.id) };
    },
  },
};
