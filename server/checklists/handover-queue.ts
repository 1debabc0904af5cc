import "server-only";
import { isClosedStatus } from "@/lib/checklist-templates";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";

export const HANDOVER_SORTS = ["progress", "days", "title", "blockers"] as const;
export type HandoverSort = (typeof HANDOVER_SORTS)[number];

export type HandoverRow = {
  key: string;
  title: string;
  owner: string;
  daysInStage: number;
  total: number;
  closed: number;
  blockers: string[];
  signedOff: boolean;
};

/** Use cases in PACKAGING with their checklist progress: IT's handover queue. */
export async function listHandover(actor: Actor, sort: HandoverSort = "progress"): Promise<HandoverRow[]> {
  requirePermission(actor, "use-case:read");
  const rows = await db.useCase.findMany({
    where: { stage: "PACKAGING", status: { not: "STOPPED" } },
    include: {
      owner: { select: { name: true } },
      checklist: { where: { stage: "PACKAGING" }, orderBy: { position: "asc" }, select: { label: true, status: true } },
      signOffs: { where: { stage: "PACKAGING", voidedAt: null }, select: { id: true } },
    },
    take: 500,
  });
  const now = Date.now();
  const result = rows.map((row) => ({
    key: formatKey(row.number),
    title: row.title,
    owner: row.owner.name,
    daysInStage: Math.floor((now - row.stageEnteredAt.getTime()) / 86_400_000),
    total: row.checklist.length,
    closed: row.checklist.filter((item) => isClosedStatus(item.status)).length,
    blockers: row.checklist.filter((item) => !isClosedStatus(item.status)).map((item) => item.label),
    signedOff: row.signOffs.length > 0,
  }));
  const ratio = (r: HandoverRow) => (r.total === 0 ? 0 : r.closed / r.total);
  const compare: Record<HandoverSort, (a: HandoverRow, b: HandoverRow) => number> = {
    progress: (a, b) => ratio(b) - ratio(a) || b.daysInStage - a.daysInStage,
    days: (a, b) => b.daysInStage - a.daysInStage,
    title: (a, b) => a.title.localeCompare(b.title),
    blockers: (a, b) => b.blockers.length - a.blockers.length,
  };
  return result.sort(compare[sort]);
}
