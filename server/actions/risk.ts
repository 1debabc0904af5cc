"use server";
import { runAction } from "../http/run-action";
import { updateRiskTemplate } from "../risk/questionnaire-templates";
import { reviewAssessment } from "../risk/review-assessment";
import { createRisk, updateRisk } from "../risk/save-risk";
import { submitAssessment } from "../risk/submit-assessment";
import { updateAssessment } from "../risk/update-assessment";
import { updateModelCard } from "../risk/update-model-card";

export async function saveAssessmentAction(key: string, input: unknown) {
  return runAction((actor) => updateAssessment(actor, String(key), input));
}

export async function submitAssessmentAction(key: string, input: unknown) {
  return runAction((actor) => submitAssessment(actor, String(key), input));
}

export async function reviewAssessmentAction(key: string, input: unknown) {
  return runAction((actor) => reviewAssessment(actor, String(key), input));
}

export async function saveModelCardAction(key: string, input: unknown) {
  return runAction((actor) => updateModelCard(actor, String(key), input));
}

export async function createRiskAction(key: string, input: unknown) {
  return runAction((actor) => createRisk(actor, String(key), input));
}

export async function updateRiskAction(key: string, id: string, input: unknown) {
  return runAction((actor) => updateRisk(actor, String(key), String(id), input));
}

export async function updateRiskTemplateAction(input: unknown) {
  return runAction((actor) => updateRiskTemplate(actor, input));
}
