"use server";
import { runAction } from "@/server/http/run-action";
import { setRepository } from "@/server/registry/code-repository";
import { linkModel, syncUseCaseModels } from "@/server/registry/model-links";

export async function linkModelAction(key: string, input: unknown) {
  return runAction((actor) => linkModel(actor, String(key), input));
}

export async function syncModelsAction(key: string) {
  return runAction((actor) => syncUseCaseModels(actor, String(key)));
}

export async function setRepositoryAction(key: string, input: unknown) {
  return runAction((actor) => setRepository(actor, String(key), input));
}
