// The audit trail. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { AuditQuerySchema } from "../../../lib/validation/audit";
import type { Endpoint } from "../endpoint";
import { AuditPageResponse } from "../schemas/audit";

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
];
