"use server";
import { can } from "@/lib/permissions";
import { forbidden } from "@/server/errors";
import { runAction } from "@/server/http/run-action";
import { checkService } from "@/server/services/check-service";
import { readCompose } from "@/server/services/compose-import";
import { createService, deleteService, saveServices, updateService } from "@/server/services/services";
import { findUseCaseByKey } from "@/server/use-cases/find-use-case";

export async function createServiceAction(key: string, input: unknown) {
  return runAction((actor) => createService(actor, String(key), input));
}

export async function updateServiceAction(id: string, input: unknown) {
  return runAction((actor) => updateService(actor, String(id), input));
}

export async function deleteServiceAction(id: string) {
  return runAction((actor) => deleteService(actor, String(id)));
}

export async function checkServiceAction(id: string) {
  return runAction((actor) => checkService(actor, String(id)));
}

/** The preview of a compose import: nothing is saved. */
export async function previewComposeAction(key: string, text: string, baseUrl: string) {
  return runAction(async (actor) => {
    const useCase = await findUseCaseByKey(String(key));
    if (!can(actor, "service:manage", useCase)) throw forbidden();
    return readCompose(String(text), String(baseUrl));
  });
}

export async function saveServicesAction(key: string, input: unknown) {
  return runAction((actor) => saveServices(actor, String(key), input));
}
