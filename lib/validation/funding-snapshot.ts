// A funding round's snapshot (POST /api/v1/funding-snapshots and the "Take a snapshot" form) and
// the comparison of two snapshots (GET /api/v1/funding-snapshots/compare and the compare form).
import { z } from "zod";
import { SNAPSHOT_NAME_MAX } from "../funding-compare";
import "./no-eval";

export const FundingSnapshotCreateSchema = z
  .object({
    name: z
      .string({ error: "Name the snapshot, like “Q3 2027 funding round”." })
      .trim()
      .min(1, { error: "Name the snapshot, like “Q3 2027 funding round”." })
      .max(SNAPSHOT_NAME_MAX, { error: `The name must be at most ${SNAPSHOT_NAME_MAX} characters.` }),
  })
  .strict();
export type FundingSnapshotCreateInput = z.input<typeof FundingSnapshotCreateSchema>;

const snapshotId = (which: string) =>
  z
    .string({ error: `Choose the ${which} snapshot.` })
    .trim()
    .min(1, { error: `Choose the ${which} snapshot.` })
    .max(64, { error: `Choose the ${which} snapshot.` });

export const FundingCompareQuerySchema = z
  .object({
    from: snapshotId("earlier").meta({ description: "The id of the earlier snapshot (the list before)." }),
    to: snapshotId("later").meta({ description: "The id of the later snapshot (the list after)." }),
  })
  .strict();
export type FundingCompareQuery = z.input<typeof FundingCompareQuerySchema>;
