import "server-only";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { notFound } from "../errors";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type CommentDto, commentInclude, toCommentDtos } from "./comment-dto";

/**
 * A thread, oldest first: the use case's own (no `gateReviewId`), or one of its gate
 * reviews'. A review of another use case is NOT_FOUND.
 */
export async function listComments(
  actor: Actor,
  key: string,
  options: { gateReviewId?: string } = {},
): Promise<CommentDto[]> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const gateReviewId = options.gateReviewId ?? null;
  if (gateReviewId) {
    const review = await db.gateReview.findFirst({ where: { id: gateReviewId, useCaseId: useCase.id } });
    if (!review) throw notFound("Gate review");
  }
  const rows = await db.comment.findMany({
    where: { useCaseId: useCase.id, gateReviewId },
    include: commentInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return toCommentDtos(rows);
}

/** Every gate review's thread of the use case at once (the gate timeline), by review id, oldest first. */
export async function listReviewThreads(actor: Actor, key: string): Promise<Record<string, CommentDto[]>> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const rows = await db.comment.findMany({
    where: { useCaseId: useCase.id, gateReviewId: { not: null } },
    include: commentInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const threads: Record<string, CommentDto[]> = {};
  for (const comment of await toCommentDtos(rows)) {
    if (comment.gateReviewId) threads[comment.gateReviewId] = [...(threads[comment.gateReviewId] ?? []), comment];
  }
  return threads;
}
