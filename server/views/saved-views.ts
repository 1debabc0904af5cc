import "server-only";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { type Actor, can } from "@/lib/permissions";
import { normaliseColumns, type UseCaseColumn } from "@/lib/use-case-columns";
import { ListColumnsSchema, SavedViewCreateSchema, SavedViewUpdateSchema } from "@/lib/validation/view";
import { changedFields, recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db, type Tx } from "../db";
import { DomainError, forbidden, notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import type { SavedViewResponse } from "../openapi/schemas/views";

// Saved views of the use-case list: a name, the list's query string and its columns.
// A personal view is its owner's alone (anyone else gets NOT_FOUND, its existence not revealed);
// a shared one everyone reads, only its owner edits. Only view:share roles share.

export type SavedViewDto = z.infer<typeof SavedViewResponse>;

const include = { owner: { select: { id: true, name: true } } } as const;
type Row = Prisma.SavedViewGetPayload<{ include: typeof include }>;

/** The list's address for a view: its filters in the query string, and which view it is. */
export function viewHref(view: { id: string; query: string }): string {
  return `/use-cases?${view.query ? `${view.query}&` : ""}view=${encodeURIComponent(view.id)}`;
}

function toDto(row: Row, actor: Actor, defaultViewId: string | null): SavedViewDto {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared,
    query: row.query,
    columns: normaliseColumns(row.columns),
    owner: row.owner,
    mine: row.ownerId === actor.id,
    isDefault: row.id === defaultViewId,
    href: viewHref(row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const auditable = (row: { name: string; shared: boolean; query: string; columns: string[] }) => ({
  name: row.name,
  shared: row.shared,
  query: row.query,
  columns: row.columns,
});

const visibleTo = (actor: Actor): Prisma.SavedViewWhereInput => ({ OR: [{ ownerId: actor.id }, { shared: true }] });

async function defaultViewIdOf(actor: Actor, client: Tx | typeof db = db): Promise<string | null> {
  const user = await client.user.findUnique({ where: { id: actor.id }, select: { defaultViewId: true } });
  return user?.defaultViewId ?? null;
}

const refusedShare = () => forbidden("Only admins and business users share views; save it as a personal view.");

const nameTaken = () =>
  new DomainError("VALIDATION", "Some fields need attention.", {
    errors: [{ path: "name", message: "You already have a view with this name: choose another." }],
  });

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The views the caller sees: their own, then the shared ones of others, each by name. */
export async function listViews(actor: Actor): Promise<SavedViewDto[]> {
  requirePermission(actor, "view:manage");
  const [rows, defaultViewId] = await Promise.all([
    db.savedView.findMany({ where: visibleTo(actor), include, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    defaultViewIdOf(actor),
  ]);
  const dtos = rows.map((row) => toDto(row, actor, defaultViewId));
  return [...dtos.filter((view) => view.mine), ...dtos.filter((view) => !view.mine)];
}

/** One view the caller sees; NOT_FOUND for another user's personal view. */
export async function getView(actor: Actor, id: string): Promise<SavedViewDto> {
  requirePermission(actor, "view:manage");
  requireFindableId(id, "View");
  const [row, defaultViewId] = await Promise.all([
    db.savedView.findFirst({ where: { id, ...visibleTo(actor) }, include }),
    defaultViewIdOf(actor),
  ]);
  if (!row) throw notFound("View");
  return toDto(row, actor, defaultViewId);
}

/** Save the list's current filters, sort and columns under a name (unique among the caller's views). */
export async function createView(actor: Actor, input: unknown): Promise<SavedViewDto> {
  requirePermission(actor, "view:manage");
  const data = parseInput(SavedViewCreateSchema, input);
  if (data.shared && !can(actor, "view:share")) throw refusedShare();
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.savedView.create({ data: { ...data, ownerId: actor.id }, include });
      await recordEvent(tx, {
        actorId: actor.id,
        action: "view.create",
        entity: "SavedView",
        entityId: row.id,
        after: auditable(row),
        useCaseId: null,
      });
      return toDto(row, actor, await defaultViewIdOf(actor, tx));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/**
 * Rename, share or unshare, or save the current filters and columns into a view: its owner.
 * `default` sets or clears the caller's own landing view, on any view they see. Either way with
 * the version the edit started from: CONFLICT, with the view as it is now, when stale.
 */
export async function updateView(actor: Actor, id: string, input: unknown): Promise<SavedViewDto> {
  requirePermission(actor, "view:manage");
  requireFindableId(id, "View");
  const { version, default: asDefault, ...data } = parseInput(SavedViewUpdateSchema, input);
  const existing = await db.savedView.findFirst({ where: { id, ...visibleTo(actor) } });
  if (!existing) throw notFound("View");
  const owned = Object.keys(data).length > 0;
  if (owned && existing.ownerId !== actor.id) throw forbidden("Only its owner changes a view; save your own copy.");
  if (data.shared && !existing.shared && !can(actor, "view:share")) throw refusedShare();
  try {
    return await db.$transaction(async (tx) => {
      const stale = async () => {
        const current = await tx.savedView.findUnique({ where: { id }, include });
        if (!current) throw notFound("View");
        return new DomainError("CONFLICT", "Someone else changed this view after you opened it.", {
          current: toDto(current, actor, await defaultViewIdOf(actor, tx)),
        });
      };
      if (!owned && (await tx.savedView.count({ where: { id, version } })) === 0) throw await stale();
      if (owned) {
        const { count } = await tx.savedView.updateMany({
          where: { id, version },
          data: { ...data, version: { increment: 1 } },
        });
        if (count === 0) throw await stale();
        const after = await tx.savedView.findUniqueOrThrow({ where: { id } });
        await recordEvent(tx, {
          actorId: actor.id,
          action: "view.update",
          entity: "SavedView",
          entityId: id,
          ...changedFields(auditable(existing), auditable(after)),
          useCaseId: null,
        });
      }
      if (asDefault !== undefined) await setDefault(tx, actor, id, asDefault);
      const row = await tx.savedView.findUniqueOrThrow({ where: { id }, include });
      return toDto(row, actor, await defaultViewIdOf(actor, tx));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

async function setDefault(tx: Tx, actor: Actor, id: string, asDefault: boolean): Promise<void> {
  const before = await defaultViewIdOf(actor, tx);
  const after = asDefault ? id : before === id ? null : before;
  if (after === before) return;
  await tx.user.update({ where: { id: actor.id }, data: { defaultViewId: after } });
  await recordEvent(tx, {
    actorId: actor.id,
    action: "view.default",
    entity: "User",
    entityId: actor.id,
    before: { defaultViewId: before },
    after: { defaultViewId: after },
    useCaseId: null,
  });
}

/** Delete one's own view (whoever landed on it lands on all use cases again). */
export async function deleteView(actor: Actor, id: string): Promise<void> {
  requirePermission(actor, "view:manage");
  requireFindableId(id, "View");
  await db.$transaction(async (tx) => {
    const existing = await tx.savedView.findFirst({ where: { id, ...visibleTo(actor) } });
    if (!existing) throw notFound("View");
    if (existing.ownerId !== actor.id) throw forbidden("Only its owner deletes a view.");
    await tx.savedView.delete({ where: { id } });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "view.delete",
      entity: "SavedView",
      entityId: id,
      before: auditable(existing),
      useCaseId: null,
    });
  });
}

/**
 * Where /use-cases with no query string goes: the caller's default view, when it still exists and
 * they still see it (a shared view made personal again is not); null for all use cases.
 */
export async function landingView(actor: Actor): Promise<SavedViewDto | null> {
  const defaultViewId = await defaultViewIdOf(actor);
  if (!defaultViewId) return null;
  const row = await db.savedView.findFirst({ where: { id: defaultViewId, ...visibleTo(actor) }, include });
  return row ? toDto(row, actor, defaultViewId) : null;
}

/** The caller's columns of the list outside a saved view. */
export async function myListColumns(actor: Actor): Promise<UseCaseColumn[]> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { useCaseColumns: true } });
  return normaliseColumns(user?.useCaseColumns);
}

/** Remember the caller's columns of the list (outside a saved view); not audited, a display preference. */
export async function setMyListColumns(actor: Actor, input: unknown): Promise<UseCaseColumn[]> {
  requirePermission(actor, "view:manage");
  const { columns } = parseInput(ListColumnsSchema, input);
  await db.user.update({ where: { id: actor.id }, data: { useCaseColumns: columns } });
  return columns;
}
