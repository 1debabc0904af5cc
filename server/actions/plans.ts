"use server";
import { runAction } from "../http/run-action";
import { setPlan } from "../plans/set-plan";

export async function setPlanAction(key: string, input: unknown) {
  return runAction((actor) => setPlan(actor, String(key), input));
}
