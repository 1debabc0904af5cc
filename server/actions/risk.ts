"use server";
import { runAction } from "../http/run-action";
import { reviewAssessment } from "../risk/review-assessment";
import { submitAssessment } from "../risk/submit-assessment";
import { updateAssessment } from "../risk/update-assessment";

export async function saveAssessmentAction(key: string, input: unknown) {
  return runAction((actor) => updateAssessment(actor, String(key), input));
}

export async function submitAssessmentAction(key: string, input: unknown) {
  return runAction((actor) => submitAssessment(actor, String(key), input));
}

export async function reviewAssessmentAction(key: string, input: unknown) {
  return runAction((actor) => reviewAssessment(actor, String(key), input));
}
