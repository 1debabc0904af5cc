// Response schemas: the portfolio summary.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { STAGES, STOP_REASONS } from "@/lib/lifecycle";
import { PLANNED_STAGES } from "@/lib/plan";
import { PortfolioFiltersSchema } from "@/lib/validation/portfolio";
import { currency, day, money } from "./common";

const stageFigures = z.object({
  count: z.number().int(),
  active: z.number().int(),
  ebitdaBase: money,
  ebitdaLow: money,
  ebitdaHigh: money,
  probability: z.number().int().meta({ description: "Percent, from the settings." }),
  weighted: money,
});

export const PortfolioSummaryResponse = z.object({
  currency,
  filters: PortfolioFiltersSchema,
  byStage: z.object({ POC: stageFigures, PROTOTYPE: stageFigures, PACKAGING: stageFigures, PRODUCTION: stageFigures }),
  byStatus: z.object({ ACTIVE: z.number().int(), PAUSED: z.number().int(), STOPPED: z.number().int() }),
  funnel: z.array(z.object({ stage: z.enum(STAGES), reached: z.number().int() })),
  weightedPipeline: money,
  gates: z.object({
    decided: z.number().int(),
    go: z.number().int(),
    stopped: z.number().int(),
    paused: z.number().int(),
  }),
  conversion: z.array(
    z.object({
      gate: z.string(),
      from: z.enum(STAGES),
      decided: z.number().int(),
      go: z.number().int(),
      stopped: z.number().int(),
      paused: z.number().int(),
      rate: z.number().nullable().meta({ description: "Percent of decided reviews that passed, 1 decimal." }),
    }),
  ),
  stopReasons: z.array(z.object({ reason: z.enum(STOP_REASONS), count: z.number().int() })),
  timeInStage: z.array(
    z.object({ stage: z.enum(STAGES), medianDaysToPass: z.number().nullable(), medianDaysNow: z.number().nullable() }),
  ),
  valueByArea: z.array(z.object({ benefitArea: z.string(), stage: z.enum(STAGES), ebitdaBase: money })),
  realisedThisYear: money,
  openReviews: z.number().int(),
  overdueConditions: z.number().int(),
  otherCurrencies: z
    .number()
    .int()
    .meta({ description: "Use cases in another currency, left out of the money figures." }),
  production: z.array(z.object({ key: z.string(), title: z.string(), actual: money, estimate: money })),
  plan: z
    .object({
      onTime: z.array(
        z.object({
          gate: z.enum(["G1", "G2", "G3"]),
          stage: z.enum(PLANNED_STAGES),
          due: z
            .number()
            .int()
            .meta({ description: "Targets of the stage that came due: reached, or their day passed." }),
          onTime: z.number().int().meta({ description: "Of those, reached on or before their day." }),
          rate: z.number().nullable().meta({ description: "Percent on time, 1 decimal; null when none came due." }),
          averageDaysLate: z.number().nullable(),
        }),
      ),
      averageSlippageDays: z
        .number()
        .nullable()
        .meta({ description: "Mean days late over every due target (on time counts 0), 1 decimal." }),
      productionThisQuarter: z.object({
        from: day,
        to: day,
        count: z.number().int(),
        ebitdaBase: money.meta({ description: "Their base EBITDA per year (organisation currency)." }),
      }),
    })
    .meta({
      description:
        "The plans against what happened, over use cases not stopped: on-time rate per gate, average slippage, and the use cases planned to enter production this calendar quarter (UTC).",
    }),
  costToDate: money.meta({ description: "Every cost recorded (organisation currency)." }),
  netRealisedThisYear: money.meta({ description: "Realised EBITDA minus costs of this calendar year's months." }),
  breakEven: z.object({ production: z.number().int(), past: z.number().int(), percent: z.number().nullable() }).meta({
    description:
      "Use cases in production, those whose recorded costs their realised EBITDA has covered (costs > 0 and realised - costs >= 0), and the percent, 1 decimal.",
  }),
  valueLeakage: z
    .array(z.object({ key: z.string(), title: z.string(), actual: money, estimate: money, shortfall: money }))
    .meta({ description: "The 5 biggest shortfalls of realised EBITDA against the base estimate to date." }),
});
