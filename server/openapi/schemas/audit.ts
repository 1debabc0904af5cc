// Response schemas: the audit trail.
// For the OpenAPI document only (not validated at run time); each is checked against its DTO type below.
import "server-only";
import { z } from "zod";
import type { listAuditEvents } from "../../audit/list-events";
import { dateTime, type Equal, PersonSchema } from "./common";

export const AuditEventResponse = z.object({
  id: z.string(),
  at: dateTime,
  actorId: z.string().nullable(),
  actor: PersonSchema.nullable(),
  action: z.string().meta({ examples: ["gate.decide", "use-case.update"] }),
  entity: z.string().meta({ examples: ["UseCase", "GateReview"] }),
  entityId: z.string(),
  useCaseKey: z.string().nullable(),
  before: z.unknown().meta({ description: "The changed fields before (null for a creation)." }),
  after: z.unknown().meta({ description: "The changed fields after." }),
  requestId: z.string().nullable(),
});

export const AuditPageResponse = z.object({ items: z.array(AuditEventResponse), nextCursor: z.string().nullable() });

/** Fails to compile when a response schema and its DTO type drift apart. */
export const AUDIT_SCHEMAS_MATCH_DTOS: {
  AuditPage: Equal<z.infer<typeof AuditPageResponse>, Awaited<ReturnType<typeof listAuditEvents>>>;
} = {
  AuditPage: true,
};
