"use server";
import { runAction } from "../http/run-action";
import { putScores } from "../priority/scores";
import { updateScoringModel } from "../priority/scoring-model";

export async function updateScoringModelAction(input: unknown) {
  return runAction((actor) => updateScoringModel(actor, input));
}

export async function putScoresAction(key: string, input: unknown) {
  return runAction((actor) => putScores(actor, String(key), input));
}
