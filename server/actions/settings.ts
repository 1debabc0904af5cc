"use server";
import { runAction } from "../http/run-action";
import { updateOrgSettings } from "../settings/org-settings";

export async function updateOrgSettingsAction(input: unknown) {
  return runAction((actor) => updateOrgSettings(actor, input));
}
