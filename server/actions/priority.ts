"use server";
import { runAction } from "../http/run-action";
import { createFundingSnapshot, summaryOf } from "../priority/funding-snapshots";
import { putScores } from "../priority/scores";
import { updateScoringModel } from "../priority/scoring-model";

export async function updateScoringModelAction(input: unknown) {
  return runAction((actor) => updateScoringModel(actor, input));
}

export async function putScoresAction(key: string, input: unknown) {
  return runAction((actor) => putScores(actor, String(key), input));
}

/** Take a funding-round snapshot; the form gets its list entry back (not the whole ranked list). */
export async function createFundingSnapshotAction(input: unknown) {
  return runAction(async (actor) => summaryOf(await createFundingSnapshot(actor, input)));
}
