"use server";
import { runAction } from "../http/run-action";
import { createUseCase } from "../use-cases/create-use-case";
import { updateUseCase } from "../use-cases/update-use-case";

export async function createUseCaseAction(input: unknown) {
  return runAction((actor) => createUseCase(actor, input));
}

export async function updateUseCaseAction(key: string, input: unknown) {
  return runAction((actor) => updateUseCase(actor, String(key), input));
}
