// Deployed services, their health probes and docker-compose import. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import { ENVIRONMENTS } from "@/lib/services";
import { ServiceCreateSchema, ServiceUpdateSchema } from "@/lib/validation/service";
import { type Endpoint, JSON_WRITE, READ } from "../endpoint";
import {
  ComposePreviewResponse,
  ComposeSavedResponse,
  ServiceCheckResponse,
  ServiceResponse,
} from "../schemas/services";

/** The import handler's query parameters (read from the URL in its route file). */
const ComposeImportQuerySchema = z.object({
  baseUrl: z.string().meta({
    description: "The http(s) address the published ports hang off.",
    format: "uri",
    examples: ["http://ml-stack.example.com"],
  }),
  save: z
    .enum(["true"])
    .optional()
    .meta({ description: "`true` saves the proposed services (all or none) and answers 201." }),
  environment: z.enum(ENVIRONMENTS).default("DEV").meta({ description: "The environment of the saved services." }),
});

export const SERVICE_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/services",
    operationId: "listServices",
    summary: "List a use case's services",
    tag: "Services",
    success: { status: 200, description: "The services with their health.", schema: z.array(ServiceResponse) },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/services",
    operationId: "createService",
    summary: "Register a service",
    description: "The kind is guessed from the URL when not given.",
    tag: "Services",
    body: { schema: ServiceCreateSchema },
    success: { status: 201, description: "The service.", schema: ServiceResponse },
    errors: [400, 401, 403, 404, 413, 422],
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/services/import",
    operationId: "importComposeServices",
    summary: "Read a docker-compose file into services",
    description:
      "A preview of the services the file publishes (200); with `save=true` the proposed ones are saved too (201).",
    tag: "Services",
    query: ComposeImportQuerySchema,
    body: {
      contentType: "application/yaml",
      description: "A docker-compose file (YAML, 1 MB at most).",
      maxBytes: 1024 * 1024,
    },
    success: { status: 200, description: "The preview.", schema: ComposePreviewResponse },
    otherResponses: [
      {
        status: 201,
        description: "With `save=true`: the preview and the saved services.",
        schema: ComposeSavedResponse,
      },
    ],
    errors: [401, 403, 404, 413, 422],
  },
  {
    method: "PATCH",
    path: "/api/v1/services/{id}",
    operationId: "updateService",
    summary: "Edit a service",
    description: "Send the `version` you edited: 409 (with `current`) when it is stale.",
    tag: "Services",
    body: { schema: ServiceUpdateSchema },
    success: { status: 200, description: "The service.", schema: ServiceResponse },
    errors: JSON_WRITE,
  },
  {
    method: "DELETE",
    path: "/api/v1/services/{id}",
    operationId: "deleteService",
    summary: "Delete a service",
    tag: "Services",
    success: { status: 204, description: "Deleted." },
    errors: [401, 403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/services/{id}/check",
    operationId: "checkService",
    summary: "Probe a service now",
    description: "BLOCKED when the SSRF policy refuses the address (nothing is fetched then).",
    tag: "Services",
    success: { status: 200, description: "The probe's result.", schema: ServiceCheckResponse },
    errors: [401, 403, 404],
  },
];
