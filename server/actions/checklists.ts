"use server";
import { updateTemplate } from "../checklists/manage-templates";
import { signOffChecklist } from "../checklists/sign-off-checklist";
import { updateChecklistItem } from "../checklists/update-checklist-item";
import { runAction } from "../http/run-action";

export async function updateChecklistItemAction(key: string, itemId: string, input: unknown) {
  return runAction((actor) => updateChecklistItem(actor, String(key), String(itemId), input));
}

export async function signOffChecklistAction(key: string) {
  return runAction((actor) => signOffChecklist(actor, String(key)));
}

export async function updateTemplateAction(stage: string, input: unknown) {
  return runAction((actor) => updateTemplate(actor, String(stage), input));
}
