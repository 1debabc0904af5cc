"use server";
import { runAction } from "../http/run-action";
import { createManagedUser, updateManagedUser } from "../users/manage-users";

export async function createUserAction(input: unknown) {
  return runAction((actor) => createManagedUser(actor, input));
}

export async function updateUserAction(id: string, input: unknown) {
  return runAction((actor) => updateManagedUser(actor, String(id), input));
}
