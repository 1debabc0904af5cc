// The query of "what changed on a use case since …".
import { z } from "zod";

export const ChangesQuerySchema = z
  .object({
    since: z.iso
      .datetime({ offset: true, error: "Give since as an ISO 8601 date and time, e.g. 2026-11-26T15:53:00Z." })
      .optional()
      .meta({ description: "Changes after this moment; without it, since the caller's last visit of the page." }),
  })
  .strict();
export type ChangesQuery = z.input<typeof ChangesQuerySchema>;
