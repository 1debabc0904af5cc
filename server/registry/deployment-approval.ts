import "server-only";
import type { z } from "zod";
import { formatKey, gateOutOf, type Stage } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { COMMIT_PATTERN, DeploymentApprovalQuerySchema } from "@/lib/validation/toolchain";
import { recordStandaloneEvent } from "../audit/standalone-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { parseInput } from "../http/parse-input";
import type { DeploymentApprovalResponse } from "../openapi/schemas/toolchain";
import { PASSING_SQL } from "../plans/stage-entries";
import { findUseCaseByKey } from "../use-cases/find-use-case";

export type DeploymentApproval = z.infer<typeof DeploymentApprovalResponse>;

/** The stages a use case must have reached to deploy to an environment. */
const ENVIRONMENT_STAGES: Record<"production" | "staging", Stage[]> = {
  production: ["PRODUCTION"],
  staging: ["PACKAGING", "PRODUCTION"],
};

/**
 * Is the asked commit the approved one? SHAs compare case-insensitively, the shorter a prefix
 * of the longer (a pipeline may send the full SHA of an abbreviated approval, or the reverse);
 * tags compare exactly.
 */
export function sameCommit(asked: string, approved: string): boolean {
  if (COMMIT_PATTERN.test(asked) && COMMIT_PATTERN.test(approved)) {
    const [a, b] = [asked.toLowerCase(), approved.toLowerCase()];
    return a.startsWith(b) || b.startsWith(a);
  }
  return asked === approved;
}

/**
 * May this model version and/or commit be deployed to the environment? Allowed only when the
 * use case is in the stage the environment needs, active (not paused or stopped), and a
 * passing gate (go, or go with conditions) approved a release that matches everything asked:
 * the version (of the named model, when named) and the commit. Every answer is audited. Any
 * signed-in user or token may ask, including a token scoped to deploy:check only.
 */
export async function checkDeploymentApproval(
  actor: Actor,
  key: string,
  query: Record<string, string>,
): Promise<DeploymentApproval> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const asked = parseInput(DeploymentApprovalQuerySchema, query);
  const reasons: string[] = [];
  const useCaseKey = formatKey(useCase.number);
  if (!ENVIRONMENT_STAGES[asked.environment].includes(useCase.stage))
    reasons.push(
      `${useCaseKey} is in ${useCase.stage}, not ${ENVIRONMENT_STAGES[asked.environment].join(" or ")}: it may not deploy to ${asked.environment}.`,
    );
  if (useCase.status !== "ACTIVE") reasons.push(`${useCaseKey} is ${useCase.status.toLowerCase()}.`);

  // The releases that passing gates approved, newest first (one query: a pipeline waits for it).
  const approvals = await db.$queryRaw<
    {
      gateReviewId: string;
      modelName: string | null;
      modelVersion: string | null;
      commitRef: string | null;
      fromStage: Stage;
      decidedAt: Date | null;
    }[]
  >`
    SELECT r."gateReviewId", r."modelName", r."modelVersion", r."commitRef", g."fromStage", g."decidedAt"
    FROM "GateRelease" r JOIN "GateReview" g ON g.id = r."gateReviewId"
    WHERE r."useCaseId" = ${useCase.id} AND g.status = 'DECIDED'
      AND g.decision IN (${PASSING_SQL})
    ORDER BY r."createdAt" DESC`;
  const match = approvals.find(
    (release) =>
      (asked.modelVersion === undefined ||
        (release.modelVersion === asked.modelVersion && (!asked.model || release.modelName === asked.model))) &&
      (asked.commit === undefined || (release.commitRef !== null && sameCommit(asked.commit, release.commitRef))),
  );
  if (!match) {
    const what = [
      asked.modelVersion ? `${asked.model ?? "model"} version ${asked.modelVersion}` : null,
      asked.commit ? `commit ${asked.commit}` : null,
    ]
      .filter(Boolean)
      .join(" with ");
    reasons.push(`No passing gate of ${useCaseKey} approved ${what}.`);
  }
  const review = match;
  const answer: DeploymentApproval = {
    allowed: reasons.length === 0,
    reasons,
    approvedAt: review?.decidedAt?.toISOString() ?? null,
    gate: review ? (gateOutOf(review.fromStage)?.id ?? null) : null,
    modelVersion: match?.modelVersion ?? asked.modelVersion ?? null,
    commit: match?.commitRef ?? asked.commit ?? null,
  };
  await recordStandaloneEvent({
    actorId: actor.id,
    action: "deployment.check",
    entity: "UseCase",
    entityId: useCase.id,
    after: {
      environment: asked.environment,
      modelVersion: asked.modelVersion ?? null,
      commit: asked.commit ?? null,
      allowed: answer.allowed,
      reasons,
    },
    useCaseId: useCase.id,
  });
  return answer;
}
