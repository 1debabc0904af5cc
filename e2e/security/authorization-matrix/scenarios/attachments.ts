// Scenarios of evidence files: a checklist item to attach to, and a file uploaded by someone
// else than every cell's actor (so only the admin's delete is allowed).
import { makeAttachment } from "@/prisma/seed/factories";
import type { Cell } from "../world";
import { readUseCase, type Scenario, seedChecklistItem } from "./kit";

async function seedAttachment(cell: Cell) {
  const { key, item } = await seedChecklistItem(cell);
  const attachment = await makeAttachment(cell.prisma, {
    checklistItemId: item.id,
    uploadedById: cell.world.others.IT.id,
    filename: "matrix.txt",
  });
  const snapshot = () => cell.prisma.attachment.count({ where: { id: attachment.id } });
  return { key, attachment, snapshot };
}

export const ATTACHMENT_SCENARIOS: Record<string, Scenario> = {
  "GET /api/v1/use-cases/[key]/attachments": readUseCase,
  "POST /api/v1/use-cases/[key]/attachments": async (cell) => {
    const { key, item } = await seedChecklistItem(cell);
    return {
      params: { key },
      query: `target=CHECKLIST_ITEM&targetId=${item.id}&filename=matrix.txt`,
      body: "matrix evidence",
      contentType: "text/plain",
      snapshot: () => cell.prisma.attachment.count({ where: { checklistItemId: item.id } }),
    };
  },
  "GET /api/v1/attachments/[id]": async (cell) => {
    const { attachment } = await seedAttachment(cell);
    return { params: { id: attachment.id } };
  },
  "DELETE /api/v1/attachments/[id]": async (cell) => {
    const { attachment, snapshot } = await seedAttachment(cell);
    return { params: { id: attachment.id }, snapshot };
  },
  "server/actions/attachments.ts#deleteAttachmentAction": async (cell) => {
    const { key, attachment, snapshot } = await seedAttachment(cell);
    return { params: { key }, args: [attachment.id], snapshot };
  },
};
