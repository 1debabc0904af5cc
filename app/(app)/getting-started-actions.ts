"use server";
import { runAction } from "@/server/http/run-action";
import { dismissGettingStarted } from "@/server/onboarding/getting-started";

export async function dismissGettingStartedAction() {
  return runAction((actor) => dismissGettingStarted(actor));
}
