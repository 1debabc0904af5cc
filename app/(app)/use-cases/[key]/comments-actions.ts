"use server";
import { createComment } from "@/server/comments/create-comment";
import { mentionCandidates } from "@/server/comments/mention-candidates";
import { runAction } from "@/server/http/run-action";

export async function createCommentAction(key: string, input: unknown) {
  return runAction((actor) => createComment(actor, String(key), input));
}

/** The @mention autocomplete: active users whose name starts with `q` (or email, for an admin). */
export async function mentionCandidatesAction(q: string) {
  return runAction((actor) => mentionCandidates(actor, { q: String(q) }));
}
