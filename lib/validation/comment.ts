// Inputs of the discussion: a comment (use-case thread or a gate review's), the thread query,
// and the @mention autocomplete's query. Shared by the composer and the server.
import { z } from "zod";
import "./no-eval";
import { COMMENT_LIMITS } from "./comment-limits";

const id = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, { error: `${label} cannot be empty.` })
    .max(64, { error: `${label} is not a valid id.` });

export const CommentSchema = z
  .object({
    body: z
      .string({ error: "The comment must be text." })
      .trim()
      .min(1, { error: "Write a comment first." })
      .max(COMMENT_LIMITS.body, { error: `A comment must be at most ${COMMENT_LIMITS.body} characters.` }),
    /** Ids of the people the composer inserted as @Full Name; the server keeps those really named. */
    mentions: z
      .array(id("A mention"), { error: "Mentions must be a list of user ids." })
      .max(COMMENT_LIMITS.mentions, { error: `At most ${COMMENT_LIMITS.mentions} mentions.` })
      .optional(),
    /** The gate review whose thread this is; none for the use case's own thread. */
    gateReviewId: id("The gate review").nullish(),
  })
  .strict();
export type CommentInput = z.input<typeof CommentSchema>;

/** GET …/comments: the use case's thread, or a gate review's with `?gateReviewId=`. */
export const CommentListQuerySchema = z
  .object({
    gateReviewId: id("The gate review").optional(),
  })
  .strict();

/** The @mention autocomplete: what was typed after the @. */
export const MentionQuerySchema = z
  .object({
    q: z
      .string({ error: "The search must be text." })
      .trim()
      .min(1, { error: "Type a letter after @." })
      .max(60, { error: "The search must be at most 60 characters." }),
  })
  .strict();
