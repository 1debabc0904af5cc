// Response schemas: the organisation's settings.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { day, money } from "./common";

export const OrgSettingsResponse = z.object({
  currency: z.string(),
  probeAllow: z.array(z.string()),
  stageProbabilities: z.array(z.number().int()).meta({ description: "Percent per stage, in stage order." }),
  stalledDays: z.number().int(),
  probeIntervalMinutes: z.number().int(),
  peopleDayRate: money
    .nullable()
    .meta({ description: "The cost of one FTE day (organisation currency); null until an admin sets it." }),
  reviewDeadlineDays: z
    .array(z.number().int())
    .meta({ description: "Review deadline per gate (G1, G2, G3), in working days." }),
  holidays: z.array(day).meta({ description: "Days that are not working days, besides weekends." }),
  attachmentFileMb: z.number().int().meta({ description: "The largest evidence file, in MB (1-100; default 20)." }),
  attachmentUseCaseMb: z
    .number()
    .int()
    .meta({ description: "The evidence files of one use case together, in MB (1-10240; default 200)." }),
  version: z.number().int(),
});

export const OrgSettingsViewResponse = OrgSettingsResponse.extend({
  probeAllow: z
    .array(z.string())
    .optional()
    .meta({ description: "ADMIN only: the hosts and networks health probes may reach. Left out for other roles." }),
});
