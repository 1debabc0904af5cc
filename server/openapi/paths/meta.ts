// Health and this document (no authentication). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import type { Endpoint } from "../endpoint";
import { HealthOkResponse, HealthUnavailableResponse } from "../schemas/meta";

const OpenApiDocumentResponse = z
  .record(z.string(), z.unknown())
  .meta({ description: "The OpenAPI 3.1 document of this API." });

export const META_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Health check",
    description: "200 when the database answers, 503 otherwise. No authentication.",
    tag: "Meta",
    public: true,
    success: { status: 200, description: "The database answers.", schema: HealthOkResponse },
    otherResponses: [{ status: 503, description: "The database does not answer.", schema: HealthUnavailableResponse }],
    errors: [],
  },
  {
    method: "GET",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This OpenAPI document",
    tag: "Meta",
    public: true,
    success: { status: 200, description: "The OpenAPI 3.1 document.", schema: OpenApiDocumentResponse },
    errors: [],
  },
];
