"use server";
import { createFeedback } from "../feedback/feedback";
import { runAction } from "../http/run-action";

export async function createFeedbackAction(key: string, input: unknown) {
  return runAction((actor) => createFeedback(actor, String(key), input));
}
