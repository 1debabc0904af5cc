import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { compareSnapshots, type SnapshotModel, type SnapshotRow } from "@/lib/funding-compare";
import type { Actor } from "@/lib/permissions";
import { FundingCompareQuerySchema, FundingSnapshotCreateSchema } from "@/lib/validation/funding-snapshot";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import type {
  FundingComparisonResponse,
  FundingSnapshotResponse,
  FundingSnapshotSummaryResponse,
} from "../openapi/schemas/funding";
import { rankedListNow } from "./ranked-list";

// Funding-round snapshots: the ranked list frozen at a date (BUSINESS and ADMIN take them; every
// signed-in role reads them), and the comparison of two (what moved, and why).

export type FundingSnapshotSummaryDto = z.infer<typeof FundingSnapshotSummaryResponse>;

export type FundingSnapshotDto = z.infer<typeof FundingSnapshotResponse>;

export type FundingComparisonDto = z.infer<typeof FundingComparisonResponse>;

/** The newest snapshots the list shows (funding rounds come a few a year). */
export const SNAPSHOT_LIST_LIMIT = 200;

const summarySelect = {
  id: true,
  name: true,
  takenAt: true,
  createdBy: { select: { id: true, name: true } },
  modelVersion: true,
  count: true,
} as const;

type SummaryRow = {
  id: string;
  name: string;
  takenAt: Date;
  createdBy: { id: string; name: string };
  modelVersion: number;
  count: number;
};

const toSummary = (row: SummaryRow): FundingSnapshotSummaryDto => ({
  id: row.id,
  name: row.name,
  takenAt: row.takenAt.toISOString(),
  createdBy: row.createdBy,
  modelVersion: row.modelVersion,
  count: row.count,
});

const toDto = (row: SummaryRow & { model: unknown; rows: unknown }): FundingSnapshotDto => ({
  ...toSummary(row),
  model: row.model as SnapshotModel,
  rows: row.rows as SnapshotRow[],
});

/** Only a snapshot's list entry (what a form needs back, without the rows). */
export const summaryOf = ({ model: _model, rows: _rows, ...summary }: FundingSnapshotDto): FundingSnapshotSummaryDto =>
  summary;

/** `POST /api/v1/funding-snapshots`: freeze the ranked list now, under a name. */
export async function createFundingSnapshot(actor: Actor, input: unknown): Promise<FundingSnapshotDto> {
  requirePermission(actor, "funding-snapshot:create", "Only BUSINESS users and admins take funding-round snapshots.");
  const { name } = parseInput(FundingSnapshotCreateSchema, input);
  const list = await rankedListNow();
  // Raw SQL with the JSON as one text parameter: Prisma's own JSON encoding of a list of 10k
  // use cases takes seconds. The rows are not read back: they are what was written.
  const id = randomUUID();
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ takenAt: Date }[]>`
        INSERT INTO "FundingSnapshot" (id, name, "createdById", "modelVersion", model, rows, count)
        VALUES (${id}, ${name}, ${actor.id}, ${list.modelVersion}, ${JSON.stringify(list.model)}::jsonb,
          ${JSON.stringify(list.rows)}::jsonb, ${list.rows.length})
        RETURNING "takenAt"`;
      const createdBy = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true } });
      await recordEvent(tx, {
        actorId: actor.id,
        action: "funding-snapshot.create",
        entity: "FundingSnapshot",
        entityId: id,
        after: { name, modelVersion: list.modelVersion, count: list.rows.length },
        useCaseId: null,
      });
      return {
        id,
        name,
        takenAt: (row as { takenAt: Date }).takenAt.toISOString(),
        createdBy,
        modelVersion: list.modelVersion,
        count: list.rows.length,
        model: list.model,
        rows: list.rows,
      };
    },
    { timeout: 30_000 },
  );
}

/** `GET /api/v1/funding-snapshots`: newest first, without their rows. */
export async function listFundingSnapshots(actor: Actor): Promise<FundingSnapshotSummaryDto[]> {
  requirePermission(actor, "use-case:read");
  const rows = await db.fundingSnapshot.findMany({
    select: summarySelect,
    orderBy: [{ takenAt: "desc" }, { id: "desc" }],
    take: SNAPSHOT_LIST_LIMIT,
  });
  return rows.map(toSummary);
}

async function findSnapshot(id: unknown): Promise<FundingSnapshotDto> {
  // The JSON as text, parsed here: Prisma's decoding of a few MB of JSON is slow (see create).
  const [row] = await db.$queryRaw<
    (Omit<SummaryRow, "createdBy"> & { by: string; byName: string; model: string; rows: string })[]
  >`
    SELECT s.id, s.name, s."takenAt", s."modelVersion", s.count, s.model::text AS model, s.rows::text AS rows,
      u.id AS by, u.name AS "byName"
    FROM "FundingSnapshot" s JOIN "User" u ON u.id = s."createdById"
    WHERE s.id = ${requireFindableId(id, "The funding snapshot")}`;
  if (!row) throw notFound("The funding snapshot");
  return toDto({
    ...row,
    createdBy: { id: row.by, name: row.byName },
    model: JSON.parse(row.model),
    rows: JSON.parse(row.rows),
  });
}

/** `GET /api/v1/funding-snapshots/{id}`: the snapshot with its ranked list. */
export async function getFundingSnapshot(actor: Actor, id: string): Promise<FundingSnapshotDto> {
  requirePermission(actor, "use-case:read");
  return findSnapshot(id);
}

/** A snapshot without its rows: its list entry and its model. */
async function findSnapshotHead(id: string): Promise<FundingSnapshotSummaryDto & { model: SnapshotModel }> {
  const row = await db.fundingSnapshot.findUnique({ where: { id }, select: { ...summarySelect, model: true } });
  if (!row) throw notFound("The funding snapshot");
  return { ...toSummary(row), model: row.model as unknown as SnapshotModel };
}

/**
 * The rows of two snapshots that differ in anything the comparison reads (rank, score, criterion
 * values, stage, status, or present on one side only), paired by use case in PostgreSQL, and how
 * many rows are the same in all of it: a comparison reads the use cases that moved, not two lists
 * of every scored use case.
 */
async function differingRows(
  from: string,
  to: string,
): Promise<{ before: SnapshotRow[]; after: SnapshotRow[]; same: number }> {
  const compared = (side: string) =>
    Prisma.sql`(${Prisma.join(
      ["rank", "priorityScore", "criteria", "stage", "status"].map(
        (field) => Prisma.sql`${Prisma.raw(side)}.value->${field}`,
      ),
    )})`;
  const rows = await db.$queryRaw<{ a: string | null; b: string | null; same: number | null }[]>`
    WITH a AS (SELECT e.value FROM "FundingSnapshot" s, jsonb_array_elements(s.rows) e WHERE s.id = ${from}),
      b AS (SELECT e.value FROM "FundingSnapshot" s, jsonb_array_elements(s.rows) e WHERE s.id = ${to}),
      j AS (
        SELECT a.value AS a, b.value AS b,
          (a.value IS NULL OR b.value IS NULL OR ${compared("a")} IS DISTINCT FROM ${compared("b")}) AS differs
        FROM a FULL JOIN b ON a.value->>'useCaseId' = b.value->>'useCaseId'
      )
    SELECT a::text AS a, b::text AS b, NULL::int AS same FROM j WHERE differs
    UNION ALL
    SELECT NULL, NULL, count(*)::int FROM j WHERE NOT differs`;
  const before: SnapshotRow[] = [];
  const after: SnapshotRow[] = [];
  let same = 0;
  for (const row of rows) {
    if (row.same != null) same += row.same;
    if (row.a) before.push(JSON.parse(row.a));
    if (row.b) after.push(JSON.parse(row.b));
  }
  // The comparison walks the rows in rank order.
  before.sort((x, y) => x.rank - y.rank);
  after.sort((x, y) => x.rank - y.rank);
  return { before, after, same };
}

/**
 * `GET /api/v1/funding-snapshots/compare?from=&to=`: what moved from one snapshot to the other,
 * and why. Only the rows that differ leave PostgreSQL; the unchanged ones are counted as SAME,
 * which is what compareSnapshots() makes of them (funding-snapshots.test.ts checks the two equal).
 */
export async function compareFundingSnapshots(actor: Actor, query: unknown): Promise<FundingComparisonDto> {
  requirePermission(actor, "use-case:read");
  const parsed = parseInput(FundingCompareQuerySchema, query);
  const from = requireFindableId(parsed.from, "The funding snapshot");
  const to = requireFindableId(parsed.to, "The funding snapshot");
  const [before, after, diff] = await Promise.all([
    findSnapshotHead(from),
    findSnapshotHead(to),
    differingRows(from, to),
  ]);
  const comparison = compareSnapshots({ ...before, rows: diff.before }, { ...after, rows: diff.after });
  comparison.counts.SAME += diff.same;
  const { model: _fromModel, ...fromHead } = before;
  const { model: _toModel, ...toHead } = after;
  return { from: fromHead, to: toHead, ...comparison };
}
