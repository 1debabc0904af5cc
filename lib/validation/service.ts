// Inputs of deployed services: one link, an edit, a batch saved from a compose import.
import { z } from "zod";
import { ENVIRONMENTS, SERVICE_KINDS } from "../services";
import { httpUrl } from "./http-url";

const url = httpUrl("The address", "https://grafana.example.com/d/churn");

const fields = {
  name: z.string({ error: "Give the service a name." }).trim().min(1, { error: "Give the service a name." }).max(100, {
    error: "The name must be at most 100 characters.",
  }),
  kind: z.enum(SERVICE_KINDS, { error: "Choose a kind." }),
  environment: z.enum(ENVIRONMENTS, { error: "Choose the environment: DEV, STAGING or PRODUCTION." }),
  url,
  note: z.string({ error: "The note must be text." }).trim().max(2000, { error: "At most 2000 characters." }),
};

/** A new service; the kind is guessed from the URL when not given. */
export const ServiceCreateSchema = z
  .object({ ...fields, kind: fields.kind.optional(), note: fields.note.default("") })
  .strict();

export const ServiceUpdateSchema = z
  .object({
    name: fields.name.optional(),
    kind: fields.kind.optional(),
    environment: fields.environment.optional(),
    url: fields.url.optional(),
    note: fields.note.optional(),
    version: z.number({ error: "Send the version you edited." }).int().positive(),
  })
  .strict();

export const ServiceBatchSchema = z
  .object({
    services: z
      .array(z.object({ name: fields.name, kind: fields.kind, environment: fields.environment, url }).strict())
      .min(1, { error: "Tick at least one service to save." })
      .max(50, { error: "At most 50 services at once." }),
  })
  .strict();
