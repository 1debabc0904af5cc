import "server-only";
import { type Actor, can } from "../../lib/permissions";
import { db } from "../db";
import { forbidden } from "../errors";
import { findUseCaseByKey } from "./find-use-case";

export type Evidence = {
  services: { id: string; name: string; kind: string; environment: string; url: string }[];
};

/** The use case's registered services, read-only (the services issue makes them editable). */
export async function getEvidence(actor: Actor, key: string): Promise<Evidence> {
  if (!can(actor, "use-case:read")) throw forbidden();
  const useCase = await findUseCaseByKey(key);
  const services = await db.service.findMany({
    where: { useCaseId: useCase.id },
    orderBy: [{ environment: "desc" }, { name: "asc" }],
  });
  return {
    services: services.map((s) => ({ id: s.id, name: s.name, kind: s.kind, environment: s.environment, url: s.url })),
  };
}
