"use server";
import { runAction } from "../http/run-action";
import { createView, deleteView, setMyListColumns, updateView } from "../views/saved-views";

export async function createViewAction(input: unknown) {
  return runAction((actor) => createView(actor, input));
}

export async function updateViewAction(id: string, input: unknown) {
  return runAction((actor) => updateView(actor, String(id), input));
}

export async function deleteViewAction(id: string) {
  return runAction((actor) => deleteView(actor, String(id)));
}

export async function setListColumnsAction(input: unknown) {
  return runAction((actor) => setMyListColumns(actor, input));
}
