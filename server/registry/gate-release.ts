import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { gateOutOf, type Stage } from "@/lib/lifecycle";
import { db, type Tx } from "../db";
import { DomainError } from "../errors";
import { PASSING_SQL } from "../plans/stage-entries";
import { readCache } from "./model-link-dto";

export type ReleaseInput = { commit?: string; modelName?: string; modelVersion?: string };

export type GateReleaseDto = {
  modelName: string | null;
  modelVersion: string | null;
  runId: string | null;
  aliases: string[];
  commit: string | null;
};

const invalid = (path: string, message: string) =>
  new DomainError("VALIDATION", "Some fields need attention.", { errors: [{ path, message }] });

/**
 * Keep what a gate request puts up for approval: the model version (with its source run and the
 * aliases pointing at it, read from the last sync) and the commit. A version needs a linked
 * model: the one named, or the use case's only one. A version the last sync did not see is
 * refused (the deciders would approve something nobody can look at); an unsynced model is
 * taken at its word.
 */
export async function recordGateRelease(
  tx: Tx,
  useCaseId: string,
  gateReviewId: string,
  input: ReleaseInput,
): Promise<GateReleaseDto | null> {
  if (!input.commit && !input.modelName && !input.modelVersion) return null;
  let modelName: string | null = null;
  let runId: string | null = null;
  let aliases: string[] = [];
  if (input.modelName || input.modelVersion) {
    const links = await tx.modelLink.findMany({ where: { useCaseId } });
    const link = input.modelName
      ? links.find((l) => l.modelName === input.modelName)
      : links.length === 1
        ? links[0]
        : undefined;
    if (!link)
      throw invalid(
        "modelName",
        input.modelName
          ? `${input.modelName} is not linked to this use case: link it first.`
          : links.length === 0
            ? "Link the registered model to the use case first."
            : "Name the model: the use case links several.",
      );
    if (!input.modelVersion) throw invalid("modelVersion", "Give the model version to approve, like 7.");
    modelName = link.modelName;
    const cache = readCache(link.cache);
    const version = cache.versions.find((v) => v.version === input.modelVersion);
    if (link.lastSyncedAt && !version)
      throw invalid("modelVersion", `${link.modelName} has no version ${input.modelVersion} in the registry.`);
    runId = version?.runId ?? null;
    aliases = Object.entries(cache.aliases)
      .filter(([, to]) => to === input.modelVersion)
      .map(([alias]) => alias);
  }
  const row = await tx.gateRelease.create({
    data: {
      gateReviewId,
      useCaseId,
      modelName,
      modelVersion: input.modelVersion ?? null,
      runId,
      aliases,
      commitRef: input.commit ?? null,
    },
  });
  return toReleaseDto(row);
}

function toReleaseDto(row: {
  modelName: string | null;
  modelVersion: string | null;
  runId: string | null;
  aliases: string[];
  commitRef: string | null;
}): GateReleaseDto {
  return {
    modelName: row.modelName,
    modelVersion: row.modelVersion,
    runId: row.runId,
    aliases: row.aliases,
    commit: row.commitRef,
  };
}

/** The releases of these gate reviews, by review id (one query, for the gate timeline). */
export async function releasesOf(reviewIds: string[]): Promise<Record<string, GateReleaseDto>> {
  if (reviewIds.length === 0) return {};
  const rows = await db.gateRelease.findMany({ where: { gateReviewId: { in: reviewIds } } });
  return Object.fromEntries(rows.map((row) => [row.gateReviewId, toReleaseDto(row)]));
}

/** A release a passing gate approved: the model card's "Approved versions" (docs/api-v1.md). */
export type ApprovedReleaseDto = GateReleaseDto & {
  reviewId: string;
  /** G1, G2 or G3. */
  gate: string;
  decision: "GO" | "CONDITIONAL_GO";
  decidedAt: string;
};

type ApprovedRow = {
  reviewId: string;
  fromStage: Stage;
  decision: "GO" | "CONDITIONAL_GO";
  decidedAt: Date;
  modelName: string | null;
  modelVersion: string | null;
  runId: string | null;
  aliases: string[];
  commitRef: string | null;
};

/**
 * What the passing gates of a use case approved, the latest decision first: one query (the
 * release joined to its review; a review still open, paused or stopped approved nothing).
 */
export async function approvedReleasesOf(
  useCaseId: string,
  client: Tx | typeof db = db,
): Promise<ApprovedReleaseDto[]> {
  const rows = await client.$queryRaw<ApprovedRow[]>(Prisma.sql`
    SELECT r.id AS "reviewId", r."fromStage", r.decision, r."decidedAt",
           g."modelName", g."modelVersion", g."runId", g.aliases, g."commitRef"
    FROM "GateRelease" g
    JOIN "GateReview" r ON r.id = g."gateReviewId"
    WHERE g."useCaseId" = ${useCaseId}
      AND r.status = 'DECIDED'
      AND r."decidedAt" IS NOT NULL
      AND r.decision IN (${PASSING_SQL})
    ORDER BY r."decidedAt" DESC, r.id DESC`);
  return rows.map((row) => ({
    reviewId: row.reviewId,
    gate: gateOutOf(row.fromStage)?.id ?? "",
    decision: row.decision,
    decidedAt: row.decidedAt.toISOString(),
    ...toReleaseDto(row),
  }));
}

/** "churn-model v7 (run 3f2a9c1…), commit a1b2c3": what a gate approved, in one line. */
export function describeRelease(release: GateReleaseDto): string {
  const parts: string[] = [];
  if (release.modelVersion) {
    const run = release.runId
      ? ` (run ${release.runId.length > 8 ? `${release.runId.slice(0, 8)}…` : release.runId})`
      : "";
    const alias = release.aliases.length ? ` @${release.aliases.join(" @")}` : "";
    parts.push(`${release.modelName ?? "model"} v${release.modelVersion}${alias}${run}`);
  }
  if (release.commit) parts.push(`commit ${release.commit}`);
  return parts.join(", ");
}
