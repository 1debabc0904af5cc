"use server";
import { createComment } from "../comments/create-comment";
import { mentionCandidates } from "../comments/mention-candidates";
import { runAction } from "../http/run-action";

export async function createCommentAction(key: string, input: unknown) {
  return runAction((actor) => createComment(actor, String(key), input));
}

/** The @mention autocomplete: active users whose name starts with `q` (or email, for an admin). */
export async function mentionCandidatesAction(q: string) {
  return runAction((actor) => mentionCandidates(actor, { q: String(q) }));
}
