// Inputs of evidence files: where an upload goes and what it is called (the query of the
// upload, whose body is the file itself), and the list's filter. Shared by the upload control
// and the server.
import { z } from "zod";
import { ATTACHMENT_TARGETS } from "../attachment-targets";
import "./no-eval";

const target = z.enum(ATTACHMENT_TARGETS, {
  error: "The target is CHECKLIST_ITEM, GATE_REVIEW or ASSESSMENT_ANSWER.",
});
/** A checklist item's or gate review's id, or a risk question's id. */
const targetId = z
  .string({ error: "The target id must be text." })
  .trim()
  .min(1, { error: "Say which item, review or question the file is for (targetId)." })
  .max(64, { error: "The target id is not a valid id." });

/** POST …/attachments?target=&targetId=&filename= with the file as the body. */
export const AttachmentUploadQuerySchema = z
  .object({
    target,
    targetId,
    filename: z
      .string({ error: "The file name must be text." })
      .trim()
      .min(1, { error: "Give the file's name (filename)." })
      .max(255, { error: "The file name must be at most 255 characters." }),
  })
  .strict();
export type AttachmentUploadQuery = z.output<typeof AttachmentUploadQuerySchema>;

/** GET …/attachments: every file of the use case, or one target's (`target` alone: all of that kind). */
export const AttachmentListQuerySchema = z
  .object({ target: target.optional(), targetId: targetId.optional() })
  .strict()
  .refine((query) => !query.targetId || query.target, {
    error: "Give the target's kind (target) with its id.",
    path: ["target"],
  });
export type AttachmentListQuery = z.output<typeof AttachmentListQuerySchema>;

/** The limits before an admin changes them (Settings), in MB. */
export const DEFAULT_ATTACHMENT_LIMITS = { fileMb: 20, useCaseMb: 200 } as const;
