// Response schemas: comments.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { dateTime, PersonSchema } from "./common";

export const CommentResponse = z.object({
  id: z.string(),
  useCaseKey: z.string(),
  gateReviewId: z.string().nullable(),
  author: PersonSchema,
  body: z.string().meta({ description: "Plain text, as written (render it escaped)." }),
  mentions: z.array(PersonSchema),
  createdAt: dateTime,
});
