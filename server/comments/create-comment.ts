import "server-only";
import { mentionedNames } from "@/lib/comment-text";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { CommentSchema } from "@/lib/validation/comment";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db, type Tx } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../http/parse-input";
import { notify } from "../notifications/notify";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type CommentDto, commentInclude, toCommentDtos } from "./comment-dto";

/**
 * Of the ids the composer sent, the active users (never the author) whose `@Full Name` is
 * really in the body, in the order sent. Others are dropped without an error: the composer
 * remembers people the writer may have deleted from the text since.
 */
async function keptMentions(tx: Tx, actor: Actor, body: string, ids: string[]): Promise<string[]> {
  const wanted = [...new Set(ids)].filter((id) => id !== actor.id);
  if (wanted.length === 0) return [];
  const users = await tx.user.findMany({
    where: { id: { in: wanted }, active: true },
    select: { id: true, name: true },
  });
  const named = mentionedNames(
    body,
    users.map((user) => user.name),
  );
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  return wanted.filter((id) => {
    const name = nameOf.get(id);
    return name !== undefined && named.has(name);
  });
}

/**
 * Add a comment to the use case's thread or to one of its gate reviews', and tell each
 * person it mentions, once, in the same transaction.
 */
export async function createComment(actor: Actor, key: string, input: unknown): Promise<CommentDto> {
  requirePermission(actor, "comment:create");
  const useCase = await findUseCaseByKey(key);
  const data = parseInput(CommentSchema, input);
  const gateReviewId = data.gateReviewId ?? null;
  return db.$transaction(async (tx) => {
    if (gateReviewId) {
      const review = await tx.gateReview.findFirst({ where: { id: gateReviewId, useCaseId: useCase.id } });
      if (!review) throw notFound("Gate review");
    }
    const mentions = await keptMentions(tx, actor, data.body, data.mentions ?? []);
    const row = await tx.comment.create({
      data: { useCaseId: useCase.id, gateReviewId, authorId: actor.id, body: data.body, mentions },
      include: commentInclude,
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "comment.create",
      entity: "Comment",
      entityId: row.id,
      after: { useCaseId: useCase.id, gateReviewId, body: row.body, mentions },
    });
    const useCaseKey = formatKey(useCase.number);
    await notify(
      tx,
      mentions,
      {
        kind: "MENTION",
        title: `${row.author.name} mentioned you on ${useCaseKey} “${useCase.title}”`,
        href: `/use-cases/${useCaseKey}#comment-${row.id}`,
      },
      actor.id,
    );
    const [dto] = await toCommentDtos([row], tx);
    if (!dto) throw new Error("The new comment could not be read back.");
    return dto;
  });
}
