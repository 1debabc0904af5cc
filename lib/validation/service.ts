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
  // A Jenkins service may name the job whose last build Roadbook reads, with an API token.
  jenkinsJob: z
    .string({ error: "The job must be text." })
    .trim()
    .max(300, { error: "The job must be at most 300 characters." })
    .regex(/^[^/\s][^/]*(\/[^/\s][^/]*)*$/, {
      error: "Give the job's name as in its URL, folders with slashes, like team/churn-deploy.",
    })
    .nullable(),
  jenkinsUser: z
    .string({ error: "The user must be text." })
    .trim()
    .min(1, { error: "Give the Jenkins user the API token belongs to." })
    .max(200, { error: "The user must be at most 200 characters." })
    .nullable(),
  jenkinsToken: z
    .string({ error: "The API token must be text." })
    .trim()
    .min(1, { error: "Paste the API token, or leave it out." })
    .max(500, { error: "The API token must be at most 500 characters." })
    .nullable(),
};

const jenkins = {
  jenkinsJob: fields.jenkinsJob.optional(),
  jenkinsUser: fields.jenkinsUser.optional(),
  jenkinsToken: fields.jenkinsToken.optional(),
};

/** A new service; the kind is guessed from the URL when not given. */
export const ServiceCreateSchema = z
  .object({
    name: fields.name,
    kind: fields.kind.optional(),
    environment: fields.environment,
    url: fields.url,
    note: fields.note.default(""),
    ...jenkins,
  })
  .strict();

export const ServiceUpdateSchema = z
  .object({
    name: fields.name.optional(),
    kind: fields.kind.optional(),
    environment: fields.environment.optional(),
    url: fields.url.optional(),
    note: fields.note.optional(),
    ...jenkins,
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
