// The audit trail. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { AuditQuerySchema } from "@/lib/validation/audit";
import { ChangesQuerySchema } from "@/lib/validation/changes";
import type { Endpoint } from "../endpoint";
import { AuditPageResponse, ChangesResponse } from "../schemas/audit";

export const AUDIT_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/audit",
    operationId: "listAuditEvents",
    summary: "Read the append-only audit trail",
    description:
      "Newest first. With `useCase`, any reader of the use case; without it (or to filter the whole trail), ADMIN only.",
    tag: "Audit",
    query: AuditQuerySchema,
    success: { status: 200, description: "One page of events.", schema: AuditPageResponse },
    errors: [401, 403, 404, 422],
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/changes",
    operationId: "listUseCaseChanges",
    summary: "What changed since a moment, or since your last visit",
    description:
      "Other people's changes to the use case (the caller's own are left out), newest first, with a summary by part of the page. Without `since`, counted from the caller's last visit of the use case's page. Any reader of the use case.",
    tag: "Audit",
    query: ChangesQuerySchema,
    success: { status: 200, description: "The changes and their summary.", schema: ChangesResponse },
    errors: [401, 403, 404, 422],
  },
];
