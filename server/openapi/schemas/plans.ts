// Response schemas: a use case's plan.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time; a shape built elsewhere is checked below.
import "server-only";
import { z } from "zod";
import { PLAN_FIELDS, PLANNED_STAGES } from "@/lib/plan";
import type { getPlan } from "../../plans/get-plan";
import { dateTime, day, type Equal, PersonSchema } from "./common";

const PLAN_FIELD_NAMES = Object.values(PLAN_FIELDS) as ["prototype", "packaging", "production"];

export const PlanResponse = z.object({
  useCaseKey: z.string().meta({ examples: ["UC-12"] }),
  version: z.number().int().meta({ description: "Send it back with an edit; 0 while the use case has no plan." }),
  updatedAt: dateTime.nullable(),
  targets: z
    .object({ prototype: day.nullable(), packaging: day.nullable(), production: day.nullable() })
    .meta({ description: "The planned day of entry into each later stage (null: no target)." }),
  stages: z.array(
    z.object({
      stage: z.enum(PLANNED_STAGES),
      target: day.nullable(),
      entered: day.nullable().meta({ description: "The day the stage was entered (its passing gate); null: not yet." }),
      daysLate: z.number().int().nullable().meta({
        description:
          "Days after the target it was entered (0: on time), or days since a passed target not yet reached; null: no target, or not due yet.",
      }),
    }),
  ),
  history: z
    .array(
      z.object({
        at: dateTime,
        author: PersonSchema,
        changes: z.array(z.object({ field: z.enum(PLAN_FIELD_NAMES), from: day.nullable(), to: day.nullable() })),
      }),
    )
    .meta({ description: "Every save, newest first, with each target it changed (old and new)." }),
});

/** Fails to compile when a response schema and its DTO type drift apart. */
export const PLAN_SCHEMAS_MATCH_DTOS: {
  Plan: Equal<z.infer<typeof PlanResponse>, Awaited<ReturnType<typeof getPlan>>>;
} = { Plan: true };
