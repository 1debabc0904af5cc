"use server";
import { runAction } from "../http/run-action";
import { checkService } from "../services/check-service";
import { readCompose } from "../services/compose-import";
import {
  authorizeComposeImport,
  createService,
  deleteService,
  saveServices,
  updateService,
} from "../services/services";

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
    await authorizeComposeImport(actor, String(key));
    return readCompose(String(text), String(baseUrl));
  });
}

export async function saveServicesAction(key: string, input: unknown) {
  return runAction((actor) => saveServices(actor, String(key), input));
}
