import "server-only";
import { type Criterion, DEFAULT_MODEL, type ScoringModelDefinition } from "@/lib/priority-score";
import { db, type Tx } from "../db";

// The scoring model's versions as stored: the current one and the one before it.

export type ScoringModelDto = ScoringModelDefinition & {
  /** Send it back as `expectedVersion` with a change; a stale one gets 409. */
  version: number;
  createdAt: string | null;
  createdBy: { id: string; name: string } | null;
};

type Row = {
  version: number;
  formula: string;
  criteria: unknown;
  ebitdaBands: { toFixed(d: number): string }[];
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
};

/** Version 1 is the default model until an admin changes it (then it is stored with version 2). */
export const DEFAULT_DTO: ScoringModelDto = { ...DEFAULT_MODEL, version: 1, createdAt: null, createdBy: null };

const bandText = (band: { toFixed(d: number): string }) => band.toFixed(2).replace(/\.00$/, "");

export function toDto(row: Row): ScoringModelDto {
  return {
    version: row.version,
    formula: row.formula === "RICE" ? "RICE" : "WEIGHTED",
    criteria: row.criteria as Criterion[],
    ebitdaBands: row.ebitdaBands.map(bandText),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}

export const select = {
  version: true,
  formula: true,
  criteria: true,
  ebitdaBands: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

/** The current model and the version before it (null for the first): the ranks' change compares the two. */
export async function currentAndPreviousModels(
  client: Tx | typeof db = db,
): Promise<{ current: ScoringModelDto; previous: ScoringModelDto | null }> {
  const rows = await client.scoringModel.findMany({ select, orderBy: { version: "desc" }, take: 2 });
  const [current, previous] = rows.map(toDto);
  return { current: current ?? DEFAULT_DTO, previous: previous ?? null };
}
