"use server";
import { runAction } from "../http/run-action";
import { setRepository } from "../registry/code-repository";
import { createRegistry, deleteRegistry } from "../registry/manage-registries";
import { linkModel, syncUseCaseModels } from "../registry/model-links";

export async function createRegistryAction(input: unknown) {
  return runAction((actor) => createRegistry(actor, input));
}

export async function deleteRegistryAction(id: string) {
  return runAction((actor) => deleteRegistry(actor, String(id)));
}

export async function linkModelAction(key: string, input: unknown) {
  return runAction((actor) => linkModel(actor, String(key), input));
}

export async function syncModelsAction(key: string) {
  return runAction((actor) => syncUseCaseModels(actor, String(key)));
}

export async function setRepositoryAction(key: string, input: unknown) {
  return runAction((actor) => setRepository(actor, String(key), input));
}
