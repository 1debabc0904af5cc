import "server-only";
import { fieldLabel } from "@/lib/audit-diff";
import type { Actor } from "@/lib/permissions";
import { ChangesQuerySchema } from "@/lib/validation/changes";
import { type AuditEventDto, toDtos } from "../audit/list-events";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { parseInput } from "../http/parse-input";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { lastVisit } from "./use-case-visits";

/** At most this many events are listed; the summary then says there are more. */
export const CHANGES_LIMIT = 100;

/** What changed, grouped the way the use case's page is: details, value, gates, checklists, discussion. */
export type ChangeSummary = {
  /** The labels of the use case's fields that were edited ("Title", "EBITDA"). */
  fields: string[];
  value: number;
  gates: number;
  checklists: number;
  discussion: number;
  services: number;
  other: number;
};

export type ChangesDto = {
  /** The moment the changes are counted from; null when there is nothing to compare with (no visit yet). */
  since: string | null;
  /** Other people's changes after `since`, newest first (the reader's own are left out). */
  events: AuditEventDto[];
  /** True when there were more than the events listed. */
  more: boolean;
  summary: ChangeSummary;
};

/** A summary with nothing counted yet (a new object each time: callers add to it). */
function emptySummary(): ChangeSummary {
  return { fields: [], value: 0, gates: 0, checklists: 0, discussion: 0, services: 0, other: 0 };
}

const GROUPS: [keyof Omit<ChangeSummary, "fields">, RegExp][] = [
  ["value", /^(estimate|actual|cost)\./],
  ["gates", /^(gate|condition)\.|^use-case\.(stage|pause|stop|resume|reopen)$/],
  ["checklists", /^checklist\./],
  ["discussion", /^(comment|feedback)\./],
  ["services", /^service\./],
];

/** Counts events by the part of the page they touch; edited fields by their labels. */
export function summariseChanges(events: readonly Pick<AuditEventDto, "action" | "after">[]): ChangeSummary {
  const summary: ChangeSummary = emptySummary();
  const fields = new Set<string>();
  for (const event of events) {
    if (event.action === "use-case.update") {
      const after = event.after && typeof event.after === "object" ? Object.keys(event.after) : [];
      for (const field of after) fields.add(fieldLabel(field));
      continue;
    }
    const group = GROUPS.find(([, pattern]) => pattern.test(event.action));
    summary[group ? group[0] : "other"] += 1;
  }
  summary.fields = [...fields];
  return summary;
}

/**
 * Other people's changes to a use case after a moment: `since`, else the reader's last visit
 * of its page (recorded by the page, not by this read). Any reader of the use case.
 */
export async function changesSince(
  actor: Actor,
  key: string,
  input: unknown,
  since?: Date | null,
): Promise<ChangesDto> {
  requirePermission(actor, "use-case:read");
  const query = parseInput(ChangesQuerySchema, input);
  const useCase = await findUseCaseByKey(key);
  const from = query.since
    ? new Date(query.since)
    : since !== undefined
      ? since
      : await lastVisit(actor.id, useCase.id);
  if (!from) return { since: null, events: [], more: false, summary: emptySummary() };
  const rows = await db.auditEvent.findMany({
    // Others' changes, and the system's (no actor): a NULL actor must not fall out of a NOT.
    where: { useCaseId: useCase.id, at: { gt: from }, OR: [{ actorId: null }, { actorId: { not: actor.id } }] },
    include: { actor: { select: { id: true, name: true } } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: CHANGES_LIMIT + 1,
  });
  const events = await toDtos(rows.slice(0, CHANGES_LIMIT));
  return { since: from.toISOString(), events, more: rows.length > CHANGES_LIMIT, summary: summariseChanges(events) };
}
