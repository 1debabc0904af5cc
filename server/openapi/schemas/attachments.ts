// Response schemas: evidence files.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { ATTACHMENT_TARGETS } from "@/lib/attachment-targets";
import { dateTime, PersonSchema } from "./common";

export const AttachmentResponse = z.object({
  id: z.string(),
  useCaseKey: z.string(),
  target: z.enum(ATTACHMENT_TARGETS),
  targetId: z.string().meta({ description: "The checklist item's or gate review's id, or the risk question's id." }),
  filename: z.string(),
  contentType: z.string().meta({ description: "Sniffed from the bytes when uploaded, never taken from the upload." }),
  size: z.number().int().meta({ description: "Bytes." }),
  sha256: z.string().meta({ description: "Hex SHA-256 of the bytes." }),
  uploadedBy: PersonSchema,
  createdAt: dateTime,
  downloadUrl: z.string().meta({ description: "GET it for the file (always a download)." }),
});
