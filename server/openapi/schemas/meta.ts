// Response schemas: the health check's answers.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";

export const HealthOkResponse = z.object({ status: z.literal("ok") });
export const HealthUnavailableResponse = z.object({ status: z.literal("unavailable"), detail: z.string() });
