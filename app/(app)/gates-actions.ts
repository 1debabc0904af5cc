"use server";
import { createFeedback } from "@/server/feedback/feedback";
import { closeCondition } from "@/server/gates/close-condition";
import { decideGate } from "@/server/gates/decide-gate";
import { reopenUseCase } from "@/server/gates/reopen-use-case";
import { requestGateReview } from "@/server/gates/request-gate-review";
import { runAction } from "@/server/http/run-action";
import { markNotificationsRead } from "@/server/notifications/list-notifications";

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

export async function createFeedbackAction(key: string, input: unknown) {
  return runAction((actor) => createFeedback(actor, String(key), input));
}

export async function markNotificationsReadAction(ids?: string[]) {
  return runAction((actor) => markNotificationsRead(actor, Array.isArray(ids) ? ids.map(String) : undefined));
}
