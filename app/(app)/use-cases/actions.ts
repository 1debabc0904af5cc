"use server";
import { runAction } from "@/server/http/run-action";
import { createUseCase } from "@/server/use-cases/create-use-case";
import { updateUseCase } from "@/server/use-cases/update-use-case";

export async function createUseCaseAction(input: unknown) {
  return runAction((actor) => createUseCase(actor, input));
}

export async function updateUseCaseAction(key: string, input: unknown) {
  return runAction((actor) => updateUseCase(actor, String(key), input));
}
