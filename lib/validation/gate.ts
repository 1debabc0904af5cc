// Inputs of the gate workflow: requesting a review, deciding it, reopening a stopped use case.
import { z } from "zod";
import { DECISIONS, STOP_REASONS } from "../lifecycle";
import { GATE_LIMITS } from "./gate-limits";
import { GateReleaseFields } from "./toolchain";

const text = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters.` });

const httpUrl = z
  .string({ error: "An evidence link must be text." })
  .trim()
  .max(2000, { error: "An evidence link must be at most 2000 characters." })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === "http:" || url.protocol === "https:";
      } catch {
        return false;
      }
    },
    { error: "An evidence link must be a full http(s) address, like https://wiki.example.com/poc-results." },
  );

/** A calendar date, YYYY-MM-DD, not before today (a day of slack for time zones west of UTC). */
export const futureDate = (label: string) =>
  z
    .string({ error: `${label} must be a date like 2027-01-31.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a date like 2027-01-31.` })
    .refine(
      (value) =>
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      {
        error: `${label} is not a calendar date.`,
      },
    )
    // An impossible date (2030-13-01) is told once, by the check above.
    .refine(
      (value) => {
        const at = Date.parse(`${value}T00:00:00Z`);
        return Number.isNaN(at) || at >= Date.now() - 2 * 86_400_000;
      },
      { error: `${label} cannot be in the past.` },
    );

export const GateRequestSchema = z
  .object({
    note: text(GATE_LIMITS.note, "The note").optional(),
    evidenceUrls: z
      .array(httpUrl, { error: "Evidence links must be a list of addresses." })
      .max(GATE_LIMITS.evidence, { error: `At most ${GATE_LIMITS.evidence} evidence links.` })
      .optional(),
    /** What is put up for approval: the commit (SHA or tag) and the model version. */
    ...GateReleaseFields,
  })
  .strict();
export type GateRequestInput = z.infer<typeof GateRequestSchema>;

export const ConditionSchema = z
  .object({
    text: text(GATE_LIMITS.condition, "The condition").min(1, { error: "Say what must be done." }),
    ownerId: z
      .string({ error: "Choose who owns the condition." })
      .trim()
      .min(1, { error: "Choose who owns the condition." })
      .max(64),
    dueOn: futureDate("The due date"),
  })
  .strict();

export const DecisionSchema = z
  .object({
    decision: z.enum(DECISIONS, { error: "Choose go, go with conditions, pause or stop." }),
    rationale: text(GATE_LIMITS.rationale, "The rationale").min(1, { error: "Give the rationale for the decision." }),
    conditions: z
      .array(ConditionSchema, { error: "Conditions must be a list." })
      .max(GATE_LIMITS.conditions, { error: `At most ${GATE_LIMITS.conditions} conditions.` })
      .optional(),
    revisitOn: futureDate("The revisit date").optional(),
    stopReason: z.enum(STOP_REASONS, { error: "Choose the reason for stopping." }).optional(),
    /** A delegate's vote: the id of the absent decider it is cast for ("X for Y"). */
    onBehalfOf: z
      .string({ error: "Choose whom you vote for." })
      .trim()
      .min(1, { error: "Choose whom you vote for." })
      .max(64, { error: "Choose whom you vote for." })
      .optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.decision === "CONDITIONAL_GO" && !input.conditions?.length)
      ctx.addIssue({
        code: "custom",
        path: ["conditions"],
        message: "Add at least one condition, with an owner and a due date.",
      });
    if (input.decision !== "CONDITIONAL_GO" && input.conditions?.length)
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "Only a go with conditions has conditions." });
    if (input.decision === "PAUSE" && !input.revisitOn)
      ctx.addIssue({ code: "custom", path: ["revisitOn"], message: "Choose when to revisit the paused use case." });
    if (input.decision === "STOP" && !input.stopReason)
      ctx.addIssue({ code: "custom", path: ["stopReason"], message: "Choose the reason for stopping." });
  });
export type DecisionInput = z.infer<typeof DecisionSchema>;

export const ReopenSchema = z
  .object({ reason: text(GATE_LIMITS.rationale, "The reason").min(1, { error: "Say why the use case is reopened." }) })
  .strict();

export const FeedbackSchema = z
  .object({
    text: text(4000, "The feedback").min(1, { error: "Write the feedback." }),
    rating: z
      .number({ error: "The rating must be a whole number from 1 to 5." })
      .int({ error: "The rating must be a whole number from 1 to 5." })
      .min(1, { error: "The rating must be a whole number from 1 to 5." })
      .max(5, { error: "The rating must be a whole number from 1 to 5." })
      .nullable()
      .optional(),
  })
  .strict();
