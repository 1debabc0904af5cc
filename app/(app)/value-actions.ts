"use server";
import { runAction } from "@/server/http/run-action";
import { updateOrgSettings } from "@/server/settings/org-settings";
import { createActual } from "@/server/value/actuals";
import { createEstimate } from "@/server/value/estimates";

export async function createEstimateAction(key: string, input: unknown) {
  return runAction((actor) => createEstimate(actor, String(key), input));
}

export async function createActualAction(key: string, input: unknown) {
  return runAction((actor) => createActual(actor, String(key), input));
}

export async function updateOrgSettingsAction(input: unknown) {
  return runAction((actor) => updateOrgSettings(actor, input));
}
