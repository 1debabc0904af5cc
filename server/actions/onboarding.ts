"use server";
import { runAction } from "../http/run-action";
import { dismissGettingStarted } from "../onboarding/getting-started";

export async function dismissGettingStartedAction() {
  return runAction((actor) => dismissGettingStarted(actor));
}
