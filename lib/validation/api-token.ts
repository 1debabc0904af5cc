import { z } from "zod";

export const ApiTokenCreateSchema = z
  .object({
    name: z
      .string({ error: "Give the token a name." })
      .trim()
      .min(1, { error: "Give the token a name, like “Jenkins deploy job”." })
      .max(100, { error: "The name must be at most 100 characters." }),
  })
  .strict();
