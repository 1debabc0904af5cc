"use server";
import { deleteAttachment } from "../attachments/delete-attachment";
import { runAction } from "../http/run-action";

// The upload itself goes to POST /api/v1/use-cases/{key}/attachments: a server action's body is
// read whole before it runs, so it could not enforce the limits while streaming nor report progress.

/** Remove an evidence file (its uploader or an admin). */
export async function deleteAttachmentAction(id: string) {
  return runAction(async (actor) => {
    await deleteAttachment(actor, String(id));
    return { id: String(id) };
  });
}
