// Response schemas: the health check's answers.
// For the OpenAPI document only (not validated at run time).
import "server-only";
import { z } from "zod";

export const HealthOkResponse = z.object({ status: z.literal("ok") });
export const HealthUnavailableResponse = z.object({ status: z.literal("unavailable"), detail: z.string() });
