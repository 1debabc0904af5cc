"use server";
import { runAction } from "../http/run-action";
import { createActual } from "../value/actuals";
import { createCost } from "../value/costs";
import { createEstimate } from "../value/estimates";

export async function createEstimateAction(key: string, input: unknown) {
  return runAction((actor) => createEstimate(actor, String(key), input));
}

export async function createActualAction(key: string, input: unknown) {
  return runAction((actor) => createActual(actor, String(key), input));
}

export async function createCostAction(key: string, input: unknown) {
  return runAction((actor) => createCost(actor, String(key), input));
}
