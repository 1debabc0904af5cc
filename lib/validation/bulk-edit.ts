// A bulk edit of use cases (PATCH /api/v1/use-cases and the list's bulk bar): which rows, what to set.
import { z } from "zod";
import { BENEFIT_AREAS } from "../lifecycle";
import { TagsSchema } from "../tags";
import { EmailSchema } from "./auth";
import { UseCaseFiltersSchema } from "./portfolio";

/** At most this many use cases per bulk edit (by keys, or matching the filter). */
export const BULK_EDIT_MAX_ROWS = 5_000;

export const BulkEditSetSchema = z
  .object({
    /** The new owner, an active user. */
    ownerEmail: EmailSchema.optional(),
    /** The new sponsor, an active user; null removes the sponsor. */
    sponsorEmail: EmailSchema.nullable().optional(),
    /** Refused with a reason: a use case's team is its owner's or sponsor's (see docs/api-v1.md). */
    team: z.unknown().optional(),
    benefitArea: z
      .enum(BENEFIT_AREAS, { error: "Choose REVENUE_GROWTH or COST_REDUCTION (or null)." })
      .nullable()
      .optional(),
    addTags: TagsSchema.optional(),
    removeTags: TagsSchema.optional(),
  })
  .strict()
  .superRefine((set, ctx) => {
    if (set.team !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["team"],
        message:
          "A use case has no team of its own: it is its owner's or sponsor's team. Set the owner or sponsor instead.",
      });
    const { team: _team, ...rest } = set;
    if (Object.values(rest).every((value) => value === undefined))
      ctx.addIssue({
        code: "custom",
        path: [],
        message: "Say what to set: ownerEmail, sponsorEmail, benefitArea, addTags or removeTags.",
      });
  });

const KEY = z.string().trim().min(1).max(32);

export const BulkEditSchema = z
  .object({
    /** The use cases by key ("UC-12")… */
    keys: z
      .array(KEY)
      .min(1, { error: "Give at least one key." })
      .max(BULK_EDIT_MAX_ROWS, { error: `A bulk edit changes at most ${BULK_EDIT_MAX_ROWS} use cases.` })
      .optional(),
    /** …or every use case matching the list's filters. */
    filter: UseCaseFiltersSchema.optional(),
    set: BulkEditSetSchema,
    /** The version each row was read at ("UC-12": 3): a row saved since is a conflict, not overwritten. */
    expectedVersions: z.record(KEY, z.number().int().positive()).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if ((input.keys === undefined) === (input.filter === undefined))
      ctx.addIssue({ code: "custom", path: ["keys"], message: "Give either keys or a filter (not both)." });
  });
export type BulkEditInput = z.input<typeof BulkEditSchema>;
export type BulkEdit = z.output<typeof BulkEditSchema>;

export const BULK_OUTCOMES = ["updated", "unchanged", "refused", "conflict"] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];

/** One row of the answer. */
export type BulkEditRow = {
  key: string;
  outcome: BulkOutcome;
  /** The version after the edit (updated, unchanged) or the current one (conflict). */
  version?: number;
  /** Why a row was refused or is in conflict. */
  reason?: string;
};

export type BulkEditResult = {
  summary: Record<BulkOutcome, number>;
  items: BulkEditRow[];
};
