"use server";
import { runAction } from "@/server/http/run-action";
import { createCost } from "@/server/value/costs";

export async function createCostAction(key: string, input: unknown) {
  return runAction((actor) => createCost(actor, String(key), input));
}
