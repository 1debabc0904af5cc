import "server-only";
import { type BenefitArea, formatKey, parseKey } from "@/lib/lifecycle";
import { type Actor, can, scopeOf } from "@/lib/permissions";
import { normaliseTags, TAGS_MAX } from "@/lib/tags";
import {
  BULK_EDIT_MAX_ROWS,
  BULK_OUTCOMES,
  type BulkEdit,
  type BulkEditResult,
  type BulkEditRow,
  BulkEditSchema,
} from "@/lib/validation/bulk-edit";
import { changedFields, recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db, type Tx } from "../db";
import { DomainError, forbidden } from "../errors";
import { parseInput } from "../http/parse-input";
import { listConditionsSql } from "./list-sql";

/** The writes of one bulk edit share a transaction; 5,000 rows take a while. */
const TRANSACTION = { timeout: 120_000, maxWait: 15_000 } as const;

type Row = {
  id: string;
  number: number;
  version: number;
  ownerId: string;
  sponsorId: string | null;
  benefitArea: BenefitArea | null;
  tags: string[];
};
const ROW_SELECT = {
  id: true,
  number: true,
  version: true,
  ownerId: true,
  sponsorId: true,
  benefitArea: true,
  tags: true,
} as const;

const tooMany = (path: string, count: number) =>
  new DomainError("VALIDATION", "Too many use cases for one bulk edit.", {
    errors: [
      {
        path,
        message: `This matches ${count} use cases; a bulk edit changes at most ${BULK_EDIT_MAX_ROWS}. Narrow the filter.`,
      },
    ],
  });

/** The active user with this email, or a VALIDATION error on `path`. */
async function activeUserId(email: string, path: string): Promise<string> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, active: true } });
  if (!user?.active)
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [{ path, message: `No active user has the email ${email}.` }],
    });
  return user.id;
}

/** The rows the edit is about, in key order, and a refusal for each key that names none. */
async function targetRows(edit: BulkEdit): Promise<{ rows: Row[]; missing: BulkEditRow[] }> {
  if (edit.filter) {
    const conditions = listConditionsSql(edit.filter);
    const [count] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "UseCase" u WHERE ${conditions}`;
    if ((count?.n ?? 0) > BULK_EDIT_MAX_ROWS) throw tooMany("filter", count?.n ?? 0);
    const ids = await db.$queryRaw<{ id: string }[]>`SELECT u.id FROM "UseCase" u WHERE ${conditions}`;
    const rows = await db.useCase.findMany({
      where: { id: { in: ids.map((r) => r.id) } },
      select: ROW_SELECT,
      orderBy: { number: "asc" },
    });
    return { rows, missing: [] };
  }
  const keys = [...new Set(edit.keys ?? [])];
  const numbers = new Map<string, number | null>(keys.map((key) => [key, parseKey(key)]));
  const wanted = [...numbers.values()].filter((n): n is number => n != null);
  const rows = await db.useCase.findMany({
    where: { number: { in: wanted } },
    select: ROW_SELECT,
    orderBy: { number: "asc" },
  });
  const found = new Set(rows.map((r) => r.number));
  const missing = keys
    .filter((key) => {
      const number = numbers.get(key);
      return number == null || !found.has(number);
    })
    .map(
      (key): BulkEditRow => ({
        key,
        outcome: "refused",
        reason: parseKey(key) == null ? `"${key}" is not a key: keys look like UC-12.` : `There is no use case ${key}.`,
      }),
    );
  return { rows, missing };
}

type Changes = { ownerId?: string; sponsorId?: string | null; benefitArea?: BulkEdit["set"]["benefitArea"] };

const auditable = (row: Pick<Row, "ownerId" | "sponsorId" | "benefitArea" | "tags">) => ({
  ownerId: row.ownerId,
  sponsorId: row.sponsorId,
  benefitArea: row.benefitArea,
  tags: row.tags,
});

/** What the edit makes of one row (its new fields), or the reason it may not. */
function applyTo(row: Row, changes: Changes, add: string[], remove: string[]) {
  const removed = new Set(remove);
  const tags = normaliseTags([...row.tags, ...add]).filter((tag) => !removed.has(tag));
  if (tags.length > TAGS_MAX && tags.length > row.tags.length)
    return { reason: `It would have ${tags.length} tags; a use case has at most ${TAGS_MAX}.` } as const;
  return {
    next: {
      ownerId: changes.ownerId ?? row.ownerId,
      sponsorId: changes.sponsorId !== undefined ? changes.sponsorId : row.sponsorId,
      benefitArea: changes.benefitArea !== undefined ? changes.benefitArea : row.benefitArea,
      tags,
    },
  } as const;
}

/** Write one row at the version it was read at; null when another save came first. */
async function writeRow(
  tx: Tx,
  actor: Actor,
  row: Row,
  next: ReturnType<typeof auditable>,
): Promise<{ version: number } | null> {
  const { count } = await tx.useCase.updateMany({
    where: { id: row.id, version: row.version },
    data: {
      ownerId: next.ownerId,
      sponsorId: next.sponsorId,
      benefitArea: next.benefitArea,
      tags: next.tags,
      version: { increment: 1 },
    },
  });
  if (count === 0) return null;
  await recordEvent(tx, {
    actorId: actor.id,
    action: "use-case.update",
    entity: "UseCase",
    entityId: row.id,
    useCaseId: row.id,
    ...changedFields(auditable(row), next),
  });
  return { version: row.version + 1 };
}

/**
 * Set the owner, sponsor, benefit area or tags of many use cases at once (by keys, or every
 * one matching the list's filters, at most BULK_EDIT_MAX_ROWS). Each row is checked like a
 * single edit: `use-case:update` on that row (a data scientist: only their own), the version it
 * was read at (`expectedVersions`, else the one read here). Rows without a problem are written
 * in one transaction, each with its audit event; a refused or stale row is listed with the
 * reason and left as it is, so nothing anyone saved meanwhile is lost (docs/api-v1.md).
 */
export async function bulkUpdateUseCases(actor: Actor, input: unknown): Promise<BulkEditResult> {
  requirePermission(actor, "use-case:read");
  if (!scopeOf(actor, "use-case:update")) throw forbidden("Your role may not edit use cases.");
  const edit = parseInput(BulkEditSchema, input);
  const { ownerEmail, sponsorEmail, benefitArea, addTags = [], removeTags = [] } = edit.set;
  const changes: Changes = {
    ...(ownerEmail ? { ownerId: await activeUserId(ownerEmail, "set.ownerEmail") } : {}),
    ...(sponsorEmail !== undefined
      ? { sponsorId: sponsorEmail === null ? null : await activeUserId(sponsorEmail, "set.sponsorEmail") }
      : {}),
    ...(benefitArea !== undefined ? { benefitArea } : {}),
  };
  const { rows, missing } = await targetRows(edit);
  const expected = edit.expectedVersions ?? {};

  const results = new Map<number, BulkEditRow>();
  const toWrite: { row: Row; next: ReturnType<typeof auditable> }[] = [];
  for (const row of rows) {
    const key = formatKey(row.number);
    const expectedVersion = expected[key];
    if (!can(actor, "use-case:update", row)) {
      results.set(row.number, { key, outcome: "refused", reason: "You may edit only use cases you own or sponsor." });
      continue;
    }
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      results.set(row.number, {
        key,
        outcome: "conflict",
        version: row.version,
        reason: `Saved by someone else since version ${expectedVersion}: it is at version ${row.version} now.`,
      });
      continue;
    }
    const applied = applyTo(row, changes, addTags, removeTags);
    if ("reason" in applied) {
      results.set(row.number, { key, outcome: "refused", reason: applied.reason });
      continue;
    }
    const diff = changedFields(auditable(row), applied.next);
    if (Object.keys(diff.after as object).length === 0) {
      results.set(row.number, { key, outcome: "unchanged", version: row.version });
      continue;
    }
    toWrite.push({ row, next: applied.next });
  }

  if (toWrite.length > 0)
    await db.$transaction(async (tx) => {
      for (const { row, next } of toWrite) {
        const key = formatKey(row.number);
        const written = await writeRow(tx, actor, row, next);
        if (written) results.set(row.number, { key, outcome: "updated", version: written.version });
        else {
          const current = await tx.useCase.findUnique({ where: { id: row.id }, select: { version: true } });
          results.set(row.number, {
            key,
            outcome: "conflict",
            version: current?.version,
            reason: `Saved by someone else during this edit: it is at version ${current?.version} now.`,
          });
        }
      }
    }, TRANSACTION);

  const items = [...rows.map((row) => results.get(row.number) as BulkEditRow), ...missing];
  const summary = Object.fromEntries(BULK_OUTCOMES.map((o) => [o, 0])) as BulkEditResult["summary"];
  for (const item of items) summary[item.outcome] += 1;
  return { summary, items };
}
