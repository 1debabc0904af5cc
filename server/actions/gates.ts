"use server";
import { closeCondition } from "../gates/close-condition";
import { decideGate } from "../gates/decide-gate";
import { reopenUseCase } from "../gates/reopen-use-case";
import { requestGateReview } from "../gates/request-gate-review";
import { runAction } from "../http/run-action";

export async function requestGateAction(key: string, input: unknown) {
  return runAction((actor) => requestGateReview(actor, String(key), input));
}

export async function decideGateAction(reviewId: string, input: unknown) {
  return runAction((actor) => decideGate(actor, String(reviewId), input));
}

export async function closeConditionAction(conditionId: string) {
  return runAction((actor) => closeCondition(actor, String(conditionId)));
}

export async function reopenUseCaseAction(key: string, input: unknown) {
  return runAction((actor) => reopenUseCase(actor, String(key), input));
}
