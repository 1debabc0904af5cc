import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { safeText, toCsv } from "@/lib/csv";
import type { ImportMapping } from "@/lib/import/fields";
import type { ImportResult } from "@/lib/import/result";
import { formatKey, STAGE_LABELS } from "@/lib/lifecycle";
import { type Actor, can, scopeOf } from "@/lib/permissions";
import { changedFields, recordEvent, recordEvents } from "../audit/record-event";
import { db, type Tx } from "../db";
import { DomainError, forbidden } from "../errors";
import { ebitdaColumns } from "../use-cases/validate-input";
import { planImport } from "./plan-import";
import { readTable } from "./read-table";
import type { Invitation, RowPlan } from "./row-plan";

export type ImportOptions = {
  bytes: Uint8Array;
  contentType: string;
  fileName?: string;
  /** XLSX: the sheet to read (the first one when absent). */
  sheet?: string;
  mapping?: ImportMapping;
  /** Only preview: nothing is written (the default). */
  dryRun?: boolean;
  /** Write the valid rows and hand the others back as CSV, instead of all or none. */
  skipInvalid?: boolean;
  /** ADMIN only: create an unknown owner or sponsor email as an inactive user instead of refusing the row. */
  inviteMissingUsers?: boolean;
};

export type { ImportResult, ImportRowResult } from "@/lib/import/result";

const TRANSACTION = { timeout: 180_000, maxWait: 15_000 } as const;

/**
 * Who may import (ADMIN, BUSINESS; a data scientist as owner only: checked per row by planImport),
 * and invite missing users (creating users is user:manage: ADMIN only).
 */
export function authorizeImport(actor: Actor, options: { inviteMissingUsers?: boolean } = {}): void {
  if (!scopeOf(actor, "use-case:import")) throw forbidden("Your role may not import use cases.");
  if (options.inviteMissingUsers && !can(actor, "user:manage"))
    throw forbidden("Only an admin may invite missing users: import without it, or ask an admin.");
}

/** The distinct users the rows will invite. */
const invitationsOf = (rows: RowPlan[]): Invitation[] => [
  ...new Map(rows.flatMap((row) => row.invites ?? []).map((invite) => [invite.email, invite])).values(),
];

/**
 * Import use cases from a spreadsheet file. A dry run answers what each row would do; a
 * commit writes in one transaction, all rows or none (or, with skipInvalid, the valid ones).
 * Every created or updated use case gets its audit event, and the import one of its own.
 */
export async function importUseCases(actor: Actor, options: ImportOptions): Promise<ImportResult> {
  authorizeImport(actor, options);
  const table = readTable(options.bytes, options.contentType, { sheet: options.sheet });
  const checksum = createHash("sha256").update(options.bytes).digest("hex");
  const { columns, rows } = await planImport(actor, table, options.mapping, {
    inviteMissingUsers: options.inviteMissingUsers,
  });
  const dryRun = options.dryRun ?? true;
  const failed = rows.filter((r) => r.action === "error");
  const result = (plans: RowPlan[], committed: boolean): ImportResult => ({
    rows: plans.map(({ line, action, key, errors, invites }) => ({
      line,
      action,
      ...(key ? { key } : {}),
      ...(errors ? { errors } : {}),
      ...(invites ? { invites: invites.map(({ email, role }) => ({ email, role })) } : {}),
    })),
    created: plans.filter((r) => r.action === "create").length,
    updated: plans.filter((r) => r.action === "update").length,
    unchanged: plans.filter((r) => r.action === "unchanged").length,
    failed: failed.length,
    invited: invitationsOf(plans).length,
    columns,
    dryRun,
    committed,
    checksum,
    ...(table.sheet ? { sheet: table.sheet.name, sheets: table.sheet.names } : {}),
    ...(options.skipInvalid && failed.length ? { rejectedCsv: rejectedCsv(table.headers, failed) } : {}),
  });
  if (dryRun) return result(rows, false);
  if (failed.length && !options.skipInvalid) return result(rows, false);

  const writes = rows.filter((r) => r.action === "create" || r.action === "update");
  try {
    await db.$transaction(async (tx) => {
      // The invited users first, in the same transaction: a row that fails later takes them back too.
      const ids = await inviteUsers(tx, actor, invitationsOf(writes));
      const resolved = writes.map((row) => resolveInvites(row, ids));
      const keys = await createRows(tx, actor, resolved);
      for (const [index, row] of writes.entries())
        row.key = keys.get(index) ?? (await updateRow(tx, actor, resolved[index] as RowPlan));
      const counts = result(rows, true);
      await recordEvent(tx, {
        actorId: actor.id,
        action: "import.use-cases",
        entity: "Import",
        entityId: checksum.slice(0, 32),
        useCaseId: null,
        after: {
          fileName: options.fileName ?? null,
          ...(table.sheet ? { sheet: table.sheet.name } : {}),
          checksum,
          rows: rows.length,
          created: counts.created,
          updated: counts.updated,
          unchanged: counts.unchanged,
          failed: counts.failed,
          invited: counts.invited,
        },
      });
    }, TRANSACTION);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DomainError(
        "CONFLICT",
        "Another save used the same external id (or created a user with an invited email) meanwhile. Nothing was imported: run the import again.",
      );
    throw error;
  }
  return result(rows, true);
}

/**
 * Create the invited users, inactive (as a deactivated user in Admin → Users: no sign-in, by
 * password or SSO, until an admin activates them) and without a password (until an admin hands
 * one over, they sign in through SSO only). One `user.create` audit event each.
 */
async function inviteUsers(tx: Tx, actor: Actor, invitations: Invitation[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const invitation of invitations) {
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        active: false,
        passwordHash: null,
      },
      select: { id: true, email: true, name: true, role: true },
    });
    ids.set(invitation.placeholder, user.id);
    await recordEvent(tx, {
      actorId: actor.id,
      action: "user.create",
      entity: "User",
      entityId: user.id,
      after: { email: user.email, name: user.name, role: user.role, team: null, active: false, invitedByImport: true },
      useCaseId: null,
    });
  }
  return ids;
}

/** The row with its invited owner or sponsor placeholders replaced by the created users' ids. */
function resolveInvites(row: RowPlan, ids: Map<string, string>): RowPlan {
  if (!row.invites?.length) return row;
  const real = <T extends string | null | undefined>(id: T): T => ((id && ids.get(id)) ?? id) as T;
  return {
    ...row,
    ...(row.create
      ? { create: { ...row.create, ownerId: real(row.create.ownerId), sponsorId: real(row.create.sponsorId) } }
      : {}),
    ...(row.update
      ? {
          update: {
            ...row.update,
            fields: {
              ...row.update.fields,
              ...(row.update.fields.ownerId !== undefined ? { ownerId: real(row.update.fields.ownerId) } : {}),
              ...(row.update.fields.sponsorId !== undefined ? { sponsorId: real(row.update.fields.sponsorId) } : {}),
            },
          },
        }
      : {}),
  };
}

/** Rows created a statement at a time (a chunk of them, with their audit events). */
const CREATE_CHUNK = 1000;

/**
 * Create the rows that are new, in chunks of one INSERT each and one INSERT of their audit
 * events (a row at a time took over a minute for 10,000 rows). Returns each created row's key
 * by its index in `rows`.
 */
async function createRows(tx: Tx, actor: Actor, rows: RowPlan[]): Promise<Map<number, string>> {
  const keys = new Map<number, string>();
  const creates = rows.flatMap((row, index) => (row.create ? [{ index, create: row.create }] : []));
  for (let start = 0; start < creates.length; start += CREATE_CHUNK) {
    const chunk = creates.slice(start, start + CREATE_CHUNK).map(({ index, create }) => {
      const { ebitda, ...fields } = create;
      // An id of our own, to match each returned row to its line whatever order they come back in.
      return { index, ebitda, data: { id: randomUUID(), ...fields, ...ebitdaColumns(ebitda) } };
    });
    const created = await tx.useCase.createManyAndReturn({
      data: chunk.map((row) => row.data),
      select: { id: true, number: true, title: true, stage: true, tags: true },
    });
    const byId = new Map(created.map((row) => [row.id, row]));
    const events: Parameters<typeof recordEvents>[1] = [];
    for (const { index, ebitda, data } of chunk) {
      const row = byId.get(data.id);
      if (!row) throw new Error(`the import's insert returned no row for line ${index}`);
      const key = formatKey(row.number);
      keys.set(index, key);
      events.push({
        actorId: actor.id,
        action: "use-case.create",
        entity: "UseCase",
        entityId: row.id,
        useCaseId: row.id,
        after: { key, title: row.title, stage: row.stage, ebitda, tags: row.tags, imported: true },
      });
      if (row.stage !== "POC")
        events.push({
          actorId: actor.id,
          action: "use-case.imported-at-stage",
          entity: "UseCase",
          entityId: row.id,
          useCaseId: row.id,
          after: { stage: row.stage, label: `Imported at stage ${STAGE_LABELS[row.stage]}` },
        });
    }
    await recordEvents(tx, events);
  }
  return keys;
}

async function updateRow(tx: Tx, actor: Actor, row: RowPlan): Promise<string> {
  const update = row.update;
  if (!update) throw new Error("a row to write has neither a create nor an update");
  const before = await tx.useCase.findUniqueOrThrow({ where: { id: update.id } });
  const { ebitda, ...fields } = update.fields;
  const { count } = await tx.useCase.updateMany({
    where: { id: update.id, version: update.version },
    data: {
      ...fields,
      ...(ebitda ? ebitdaColumns(ebitda) : {}),
      ...(update.externalId ? { externalId: update.externalId } : {}),
      version: { increment: 1 },
    },
  });
  const key = formatKey(update.number);
  if (count === 0)
    throw new DomainError(
      "CONFLICT",
      `Someone saved ${key} while the file was being imported. Nothing was imported: run the import again.`,
    );
  const after = await tx.useCase.findUniqueOrThrow({ where: { id: update.id } });
  await recordEvent(tx, {
    actorId: actor.id,
    action: "use-case.update",
    entity: "UseCase",
    entityId: update.id,
    useCaseId: update.id,
    ...changedFields(auditable(before), auditable(after)),
  });
  return key;
}

type Stored = Awaited<ReturnType<Tx["useCase"]["findUniqueOrThrow"]>>;
const auditable = (u: Stored) => ({
  title: u.title,
  summary: u.summary,
  output: u.output,
  outcome: u.outcome,
  pocResult: u.pocResult,
  benefitArea: u.benefitArea,
  ebitda: {
    low: u.ebitdaLow?.toFixed(2) ?? null,
    base: u.ebitdaBase?.toFixed(2) ?? null,
    high: u.ebitdaHigh?.toFixed(2) ?? null,
    currency: u.currency,
  },
  ownerId: u.ownerId,
  sponsorId: u.sponsorId,
  tags: u.tags,
  externalId: u.externalId,
});

/** The refused rows as they were, plus an "error" column saying what to fix. */
function rejectedCsv(headers: string[], rows: RowPlan[]): string {
  return toCsv(
    [...headers, "error"],
    rows.map((row) => [
      ...headers.map((_, index) => safeText(row.cells[index] ?? "")),
      (row.errors ?? []).map((e) => `${e.column}: ${e.message}`).join(" | "),
    ]),
  );
}
