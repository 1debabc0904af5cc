// Response schemas: cost lines.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { COST_CATEGORIES } from "@/lib/validation/cost-categories";
import { dateTime, money, PersonSchema } from "./common";

export const CostResponse = z.object({
  id: z.string(),
  period: z.string().meta({ examples: ["2026-09"] }),
  category: z.enum(COST_CATEGORIES),
  amount: money.meta({ description: "The month's cost in the category (PEOPLE: fteDays x dayRate, to the cent)." }),
  currency: z.string(),
  fteDays: z
    .string()
    .nullable()
    .meta({ description: "PEOPLE: the FTE days, 2 decimals; null otherwise.", examples: ["12.50"] }),
  dayRate: money.nullable().meta({ description: "PEOPLE: the day rate the line was priced at; null otherwise." }),
  note: z.string(),
  author: PersonSchema,
  createdAt: dateTime,
});
