"use server";
import { revokeUserApiToken } from "@/server/auth/user-api-tokens";
import { runAction } from "@/server/http/run-action";

export async function revokeUserApiTokenAction(userId: string, id: string) {
  return runAction((actor) => revokeUserApiToken(actor, String(userId), String(id)));
}
