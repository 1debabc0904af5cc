import "server-only";
import type { z } from "zod";
import { type ChecklistStage, isClosedStatus } from "@/lib/checklist-templates";
import { formatKey } from "@/lib/lifecycle";
import type { Tx } from "../db";
import { db } from "../db";
import type { ChecklistItemResponse, ChecklistResponse } from "../openapi/schemas/checklists";

type Person = { id: string; name: string };

export type ChecklistItemDto = z.infer<typeof ChecklistItemResponse>;

export type SignOffDto = { by: Person; at: string };
export type VoidedSignOffDto = SignOffDto & { voidedAt: string; voidedBy: Person | null; reason: string | null };

export type ChecklistDto = z.infer<typeof ChecklistResponse>;

const person = { select: { id: true, name: true } } as const;
export const checklistItemInclude = { owner: person, updatedBy: person } as const;

/** A use case's checklist for one stage, as the API and the page show it. */
export async function loadChecklist(
  useCase: { id: string; number: number },
  stage: ChecklistStage,
  client: Tx | typeof db = db,
): Promise<ChecklistDto> {
  const [items, signOffs, services] = [
    await client.checklistItem.findMany({
      where: { useCaseId: useCase.id, stage },
      include: checklistItemInclude,
      orderBy: { position: "asc" },
    }),
    await client.checklistSignOff.findMany({
      where: { useCaseId: useCase.id, stage },
      include: { by: person, voidedBy: person },
      orderBy: { at: "desc" },
    }),
    await client.service.findMany({
      where: { useCaseId: useCase.id },
      select: { id: true, name: true, url: true, environment: true, kind: true, healthStatus: true, checkedAt: true },
      orderBy: { name: "asc" },
    }),
  ];
  const sections = [...new Set(items.map((item) => item.section))].map((section) => {
    const inSection = items.filter((item) => item.section === section);
    return { section, total: inSection.length, closed: inSection.filter((item) => isClosedStatus(item.status)).length };
  });
  const active = signOffs.find((signOff) => !signOff.voidedAt);
  return {
    useCaseKey: formatKey(useCase.number),
    stage,
    items: items.map((item) => ({
      id: item.id,
      stage: item.stage as ChecklistStage,
      section: item.section,
      label: item.label,
      status: item.status,
      answerType: item.answerType,
      options: item.options,
      answer: item.answer,
      evidenceUrl: item.evidenceUrl,
      note: item.note,
      owner: item.owner,
      version: item.version,
      updatedBy: item.updatedBy,
      updatedAt: item.updatedAt.toISOString(),
      evidenceKind: item.evidenceKind,
      evidenceServices: item.evidenceKind
        ? services
            .filter((service) => service.kind === item.evidenceKind)
            .map(({ id, name, url, environment, healthStatus, checkedAt }) => ({
              id,
              name,
              url,
              environment,
              healthStatus,
              checkedAt: checkedAt?.toISOString() ?? null,
            }))
        : [],
    })),
    signedOff: active ? { by: active.by, at: active.at.toISOString() } : null,
    voidedSignOffs: signOffs
      .filter((signOff) => signOff.voidedAt)
      .map((signOff) => ({
        by: signOff.by,
        at: signOff.at.toISOString(),
        voidedAt: (signOff.voidedAt as Date).toISOString(),
        voidedBy: signOff.voidedBy,
        reason: signOff.voidReason,
      })),
    progress: {
      total: items.length,
      closed: items.filter((item) => isClosedStatus(item.status)).length,
      sections,
    },
  };
}
