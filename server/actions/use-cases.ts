"use server";
import { runAction } from "../http/run-action";
import { bulkUpdateUseCases } from "../use-cases/bulk-update-use-cases";
import { createUseCase } from "../use-cases/create-use-case";
import { updateUseCase } from "../use-cases/update-use-case";

export async function createUseCaseAction(input: unknown) {
  return runAction((actor) => createUseCase(actor, input));
}

export async function updateUseCaseAction(key: string, input: unknown) {
  return runAction((actor) => updateUseCase(actor, String(key), input));
}

export async function bulkUpdateUseCasesAction(input: unknown) {
  return runAction((actor) => bulkUpdateUseCases(actor, input));
}
