"use server";
import { runAction } from "@/server/http/run-action";
import { createRegistry, deleteRegistry } from "@/server/registry/manage-registries";

export async function createRegistryAction(input: unknown) {
  return runAction((actor) => createRegistry(actor, input));
}

export async function deleteRegistryAction(id: string) {
  return runAction((actor) => deleteRegistry(actor, String(id)));
}
