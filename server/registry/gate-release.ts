import "server-only";
import { db, type Tx } from "../db";
import { DomainError } from "../errors";
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
