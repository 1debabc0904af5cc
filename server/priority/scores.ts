import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import {
  type Criterion,
  type CriterionInput,
  criterionHundredths,
  derivedScore,
  priorityScore,
} from "@/lib/priority-score";
import { ScoresSchema } from "@/lib/validation/scoring";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError, type FieldIssue } from "../errors";
import { parseInput } from "../http/parse-input";
import type { UseCaseScoresResponse } from "../openapi/schemas/priority";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { currentAndPreviousModels } from "./model-versions";
import { priorityOf } from "./priority-of";

export type ScoreDto = {
  scorer: { id: string; name: string };
  value: number;
  comment: string;
  updatedAt: string;
};

export type CriterionScoresDto = Criterion & {
  /** The value the total uses: the mean of the scores (2 decimals) or the derived 1–5; null if none. */
  value: number | null;
  scores: ScoreDto[];
};

export type UseCaseScoresDto = z.infer<typeof UseCaseScoresResponse>;

/** `GET /api/v1/use-cases/{key}/scores`: every criterion of the current model with who scored what. */
export async function getScores(actor: Actor, key: string): Promise<UseCaseScoresDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const [{ current }, rows, priority] = await Promise.all([
    currentAndPreviousModels(),
    db.useCaseScore.findMany({
      where: { useCaseId: useCase.id },
      include: { scorer: { select: { id: true, name: true } } },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    }),
    priorityOf(useCase.id),
  ]);
  const facts = {
    ebitdaBase: useCase.ebitdaBase == null ? null : useCase.ebitdaBase.toFixed(2),
    riskTier: useCase.riskTier,
  };
  const inputs: Record<string, CriterionInput> = {};
  const criteria = current.criteria.map((criterion) => {
    const mine = rows.filter((row) => row.criterion === criterion.key);
    const derived = criterion.derivedFrom ? derivedScore(criterion, facts, current.ebitdaBands) : null;
    const input: CriterionInput = criterion.derivedFrom
      ? derived == null
        ? null
        : { derived }
      : { sum: mine.reduce((sum, row) => sum + row.value, 0), count: mine.length };
    inputs[criterion.key] = input;
    const hundredths = criterionHundredths(input);
    return {
      ...criterion,
      value: hundredths == null ? null : hundredths / 100,
      scores: criterion.derivedFrom
        ? []
        : mine.map((row) => ({
            scorer: row.scorer,
            value: row.value,
            comment: row.comment,
            updatedAt: row.updatedAt.toISOString(),
          })),
    };
  });
  return {
    key: formatKey(useCase.number),
    modelVersion: current.version,
    formula: current.formula,
    // The pure function of lib/ (the same one the scoring form previews with); the rank is SQL's.
    priorityScore: priorityScore(current, inputs),
    rank: priority.rank,
    previousRank: priority.previousRank,
    criteria,
  };
}

/**
 * Save the actor's scores on some criteria (BUSINESS on any use case, the owner or sponsor).
 * One score per (use case, criterion, scorer): a second save rewrites it, and two saves at once
 * leave one of them whole (INSERT … ON CONFLICT on the unique index; the later write wins).
 */
export async function putScores(actor: Actor, key: string, input: unknown): Promise<UseCaseScoresDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  requirePermission(
    actor,
    "score:create",
    useCase,
    "Only BUSINESS users and the use case's owner or sponsor score it.",
  );
  const { scores } = parseInput(ScoresSchema, input);
  const { current } = await currentAndPreviousModels();
  const scorable = new Map(current.criteria.filter((c) => !c.derivedFrom).map((c) => [c.key, c]));
  const errors: FieldIssue[] = scores.flatMap((score, index) =>
    scorable.has(score.criterion)
      ? []
      : [
          {
            path: `scores.${index}.criterion`,
            message: current.criteria.some((c) => c.key === score.criterion)
              ? "This criterion is derived from the use case's data: it is not scored by people."
              : "The scoring model has no such criterion.",
          },
        ],
  );
  if (errors.length) throw new DomainError("VALIDATION", "Some fields need attention.", { errors });
  await db.$transaction(async (tx) => {
    const before = await tx.useCaseScore.findMany({
      where: { useCaseId: useCase.id, scorerId: actor.id, criterion: { in: scores.map((s) => s.criterion) } },
      select: { criterion: true, value: true, comment: true },
    });
    for (const score of scores)
      await tx.$executeRaw`
        INSERT INTO "UseCaseScore" (id, "useCaseId", criterion, "scorerId", value, comment, "updatedAt")
        VALUES (${randomUUID()}, ${useCase.id}, ${score.criterion}, ${actor.id}, ${score.value}, ${score.comment}, now())
        ON CONFLICT ("useCaseId", criterion, "scorerId")
        DO UPDATE SET value = EXCLUDED.value, comment = EXCLUDED.comment, "updatedAt" = EXCLUDED."updatedAt"`;
    await recordEvent(tx, {
      actorId: actor.id,
      action: "score.update",
      entity: "UseCase",
      entityId: useCase.id,
      before: Object.fromEntries(before.map((row) => [row.criterion, { value: row.value, comment: row.comment }])),
      after: Object.fromEntries(scores.map((s) => [s.criterion, { value: s.value, comment: s.comment }])),
      useCaseId: useCase.id,
    });
  });
  return getScores(actor, key);
}
