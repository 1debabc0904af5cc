import "server-only";
import type { Stage } from "../../lib/lifecycle";
import { type Actor, can } from "../../lib/permissions";
import { db } from "../db";
import { forbidden } from "../errors";
import { findUseCaseByKey } from "./find-use-case";

export type Evidence = {
  estimates: { id: string; stage: Stage; base: string; currency: string; author: string; createdAt: string }[];
  services: { id: string; name: string; kind: string; environment: string; url: string }[];
};

/** What the gates' later criteria look at besides checklists: value revisions and services, read-only. */
export async function getEvidence(actor: Actor, key: string): Promise<Evidence> {
  if (!can(actor, "use-case:read")) throw forbidden();
  const useCase = await findUseCaseByKey(key);
  const [estimates, services] = await Promise.all([
    db.estimateRevision.findMany({
      where: { useCaseId: useCase.id },
      include: { author: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    db.service.findMany({ where: { useCaseId: useCase.id }, orderBy: [{ environment: "desc" }, { name: "asc" }] }),
  ]);
  return {
    estimates: estimates.map((e) => ({
      id: e.id,
      stage: e.stage,
      base: e.ebitdaBase.toFixed(2),
      currency: e.currency,
      author: e.author.name,
      createdAt: e.createdAt.toISOString(),
    })),
    services: services.map((s) => ({ id: s.id, name: s.name, kind: s.kind, environment: s.environment, url: s.url })),
  };
}
