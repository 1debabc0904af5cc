"use server";
import { createMyApiToken, revokeMyApiToken } from "../auth/my-api-tokens";
import { revokeUserApiToken } from "../auth/user-api-tokens";
import { runAction } from "../http/run-action";

export async function createApiTokenAction(input: unknown) {
  return runAction((actor) => createMyApiToken(actor, input));
}

export async function revokeApiTokenAction(id: string) {
  return runAction((actor) => revokeMyApiToken(actor, String(id)));
}

export async function revokeUserApiTokenAction(userId: string, id: string) {
  return runAction((actor) => revokeUserApiToken(actor, String(userId), String(id)));
}
