import "server-only";
import {
  compareSnapshots,
  type SnapshotComparison,
  type SnapshotModel,
  type SnapshotRow,
} from "../../lib/funding-compare";
import type { Actor } from "../../lib/permissions";
import { FundingCompareQuerySchema, FundingSnapshotCreateSchema } from "../../lib/validation/funding-snapshot";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import { rankedListNow } from "./ranked-list";

// Funding-round snapshots: the ranked list frozen at a date (BUSINESS and ADMIN take them; every
// signed-in role reads them), and the comparison of two (what moved, and why).

export type FundingSnapshotSummaryDto = {
  id: string;
  name: string;
  takenAt: string;
  createdBy: { id: string; name: string };
  modelVersion: number;
  /** How many use cases the ranked list held. */
  count: number;
};

export type FundingSnapshotDto = FundingSnapshotSummaryDto & { model: SnapshotModel; rows: SnapshotRow[] };

export type FundingComparisonDto = {
  from: FundingSnapshotSummaryDto;
  to: FundingSnapshotSummaryDto;
} & SnapshotComparison;

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
const fullSelect = { ...summarySelect, model: true, rows: true } as const;

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
  return db.$transaction(async (tx) => {
    const row = await tx.fundingSnapshot.create({
      data: {
        name,
        createdById: actor.id,
        modelVersion: list.modelVersion,
        model: list.model,
        rows: list.rows,
        count: list.rows.length,
      },
      select: fullSelect,
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "funding-snapshot.create",
      entity: "FundingSnapshot",
      entityId: row.id,
      after: { name, modelVersion: list.modelVersion, count: list.rows.length },
      useCaseId: null,
    });
    return toDto(row);
  });
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
  const row = await db.fundingSnapshot.findUnique({
    where: { id: requireFindableId(id, "The funding snapshot") },
    select: fullSelect,
  });
  if (!row) throw notFound("The funding snapshot");
  return toDto(row);
}

/** `GET /api/v1/funding-snapshots/{id}`: the snapshot with its ranked list. */
export async function getFundingSnapshot(actor: Actor, id: string): Promise<FundingSnapshotDto> {
  requirePermission(actor, "use-case:read");
  return findSnapshot(id);
}

/** `GET /api/v1/funding-snapshots/compare?from=&to=`: what moved from one snapshot to the other, and why. */
export async function compareFundingSnapshots(actor: Actor, query: unknown): Promise<FundingComparisonDto> {
  requirePermission(actor, "use-case:read");
  const { from, to } = parseInput(FundingCompareQuerySchema, query);
  const before = await findSnapshot(from);
  const after = await findSnapshot(to);
  return { from: summaryOf(before), to: summaryOf(after), ...compareSnapshots(before, after) };
}
