// Filters of the audit trail (API, Audit page, CSV export): one schema, unknown fields refused.
import { z } from "zod";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use a date like 2026-11-26." })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: "This date does not exist." });

export const AuditQuerySchema = z
  .object({
    useCase: z
      .string()
      .trim()
      .regex(/^UC-\d{1,9}$/i, { error: "Use a use-case key like UC-12." })
      .optional(),
    actor: z.string().trim().max(64).optional(),
    action: z
      .string()
      .trim()
      .max(64)
      .regex(/^[a-z.-]*$/, { error: "Actions look like gate.decide or use-case.update." })
      .optional(),
    entity: z
      .string()
      .trim()
      .max(64)
      .regex(/^[A-Za-z]*$/, { error: "Entities look like UseCase or GateReview." })
      .optional(),
    from: day.optional(),
    to: day.optional(),
    limit: z.coerce
      .number({ error: "The limit must be a whole number from 1 to 200." })
      .int({ error: "The limit must be a whole number from 1 to 200." })
      .min(1, { error: "The limit must be a whole number from 1 to 200." })
      .max(200, { error: "The limit must be a whole number from 1 to 200." })
      .default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type AuditQuery = z.input<typeof AuditQuerySchema>;
