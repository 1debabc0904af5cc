// Response schemas: deployed services, their health, and the docker-compose import's proposals.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time; a shape built elsewhere is checked below.
import "server-only";
import { z } from "zod";
import { SERVICE_KINDS } from "@/lib/checklist-templates";
import { ENVIRONMENTS, HEALTH_STATUSES } from "@/lib/services";
import type { ProposedService } from "../../services/compose-import";
import type { ServiceDto } from "../../services/service-dto";
import { dateTime, type Equal } from "./common";

const health = z.object({
  status: z.enum(HEALTH_STATUSES),
  httpStatus: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  checkedAt: dateTime.nullable(),
  reason: z.string().nullable().meta({ description: "Why it is down or blocked, in plain words." }),
});

const build = z
  .object({
    job: z.string().meta({ examples: ["team/churn-deploy"] }),
    user: z.string().nullable(),
    hasToken: z.boolean().meta({ description: "Whether an API token is stored (it is never shown)." }),
    status: z.enum(["PASSING", "FAILING", "UNKNOWN"]).nullable().meta({
      description:
        "The job's last build at the last check: SUCCESS is PASSING; FAILURE and UNSTABLE FAILING; ABORTED, NOT_BUILT, running or unreadable UNKNOWN; null before the first check.",
    }),
    number: z.number().int().nullable(),
    reason: z.string().nullable(),
  })
  .nullable()
  .meta({ description: "A Jenkins service's job and its last build (null when no job is set)." });

export const ServiceResponse = z.object({
  id: z.string(),
  useCaseKey: z.string(),
  name: z.string(),
  kind: z.enum(SERVICE_KINDS),
  environment: z.enum(ENVIRONMENTS),
  url: z.string(),
  note: z.string(),
  version: z.number().int(),
  health,
  build,
  history: z
    .array(z.object({ at: dateTime, status: z.enum(HEALTH_STATUSES), latencyMs: z.number().int().nullable() }))
    .meta({ description: "Recent probes, oldest first." }),
});

export const ServiceCheckResponse = z.object({ id: z.string(), health, build });

export const ProposedServiceResponse = z.object({
  name: z.string(),
  image: z.string().nullable(),
  kind: z.enum(SERVICE_KINDS),
  url: z.string().nullable().meta({ description: "From the first published port and `baseUrl`; null if none." }),
  proposed: z.boolean().meta({ description: "Ticked in the preview: it has an HTTP UI and a URL." }),
});

export const ComposePreviewResponse = z.object({ services: z.array(ProposedServiceResponse) });
export const ComposeSavedResponse = z.object({
  services: z.array(ProposedServiceResponse),
  saved: z.array(ServiceResponse),
});

/** Fails to compile when a response schema and its DTO type drift apart. */
export const SERVICES_SCHEMAS_MATCH_DTOS: {
  ServiceCheck: Equal<z.infer<typeof ServiceCheckResponse>, Pick<ServiceDto, "id" | "health" | "build">>;
  ComposeSaved: Equal<z.infer<typeof ComposeSavedResponse>, { services: ProposedService[]; saved: ServiceDto[] }>;
} = {
  ServiceCheck: true,
  ComposeSaved: true,
};
