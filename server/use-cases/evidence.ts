import "server-only";
import type { Stage } from "../../lib/lifecycle";
import { type Actor, can } from "../../lib/permissions";
import { db } from "../db";
import { forbidden } from "../errors";
import { findUseCaseByKey } from "./find-use-case";

export type Evidence = {
  checklist: { id: string; stage: Stage; section: string; label: string; status: string; answer: string | null }[];
  signOffs: { stage: Stage; by: string; at: string }[];
  estimates: { id: string; stage: Stage; base: string; currency: string; author: string; createdAt: string }[];
  services: { id: string; name: string; kind: string; environment: string; url: string }[];
};

/** What the gates' later criteria look at: checklists, value revisions and services, read-only. */
export async function getEvidence(actor: Actor, key: string): Promise<Evidence> {
  if (!can(actor, "use-case:read")) throw forbidden();
  const useCase = await findUseCaseByKey(key);
  const [checklist, signOffs, estimates, services] = await Promise.all([
    db.checklistItem.findMany({ where: { useCaseId: useCase.id }, orderBy: [{ stage: "asc" }, { position: "asc" }] }),
    db.checklistSignOff.findMany({ where: { useCaseId: useCase.id }, include: { by: { select: { name: true } } } }),
    db.estimateRevision.findMany({
      where: { useCaseId: useCase.id },
      include: { author: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    db.service.findMany({ where: { useCaseId: useCase.id }, orderBy: [{ environment: "desc" }, { name: "asc" }] }),
  ]);
  return {
    checklist: checklist.map((item) => ({
      id: item.id,
      stage: item.stage,
      section: item.section,
      label: item.label,
      status: item.status,
      answer: item.answer,
    })),
    signOffs: signOffs.map((s) => ({ stage: s.stage, by: s.by.name, at: s.at.toISOString() })),
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
