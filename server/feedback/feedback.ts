import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/permissions";
import { FeedbackSchema } from "@/lib/validation/gate";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { parseInput } from "../http/parse-input";
import type { FeedbackResponse } from "../openapi/schemas/value";
import { findUseCaseByKey } from "../use-cases/find-use-case";

export type FeedbackDto = z.infer<typeof FeedbackResponse>;

const include = { author: { select: { id: true, name: true } } } as const;

function toDto(row: {
  id: string;
  text: string;
  rating: number | null;
  stage: string;
  createdAt: Date;
  author: { id: string; name: string };
}): FeedbackDto {
  return {
    id: row.id,
    text: row.text,
    rating: row.rating,
    stage: row.stage,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
  };
}

/** User feedback on a use case, newest first. */
export async function listFeedback(actor: Actor, key: string): Promise<FeedbackDto[]> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const rows = await db.feedback.findMany({
    where: { useCaseId: useCase.id },
    include,
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toDto);
}

/** Record a piece of user feedback, in the stage the use case is in. */
export async function createFeedback(actor: Actor, key: string, input: unknown): Promise<FeedbackDto> {
  requirePermission(actor, "feedback:create");
  const useCase = await findUseCaseByKey(key);
  const data = parseInput(FeedbackSchema, input);
  return db.$transaction(async (tx) => {
    const row = await tx.feedback.create({
      data: {
        useCaseId: useCase.id,
        authorId: actor.id,
        text: data.text,
        rating: data.rating ?? null,
        stage: useCase.stage,
      },
      include,
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "feedback.create",
      entity: "Feedback",
      entityId: row.id,
      after: { useCaseId: useCase.id, text: row.text, rating: row.rating },
    });
    return toDto(row);
  });
}
