"use server";
import { createMyApiToken, revokeMyApiToken } from "@/server/auth/my-api-tokens";
import { runAction } from "@/server/http/run-action";

export async function createApiTokenAction(input: unknown) {
  return runAction((actor) => createMyApiToken(actor, input));
}

export async function revokeApiTokenAction(id: string) {
  return runAction((actor) => revokeMyApiToken(actor, String(id)));
}
