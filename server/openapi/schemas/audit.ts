// Response schemas: the audit trail.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time; a shape built elsewhere is checked below.
import "server-only";
import { z } from "zod";
import type { listAuditEvents } from "../../audit/list-events";
import type { changesSince } from "../../visits/changes-since";
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

export const ChangesResponse = z.object({
  since: dateTime.nullable().meta({ description: "Counted from here; null when there is nothing to compare with." }),
  events: z.array(AuditEventResponse).meta({ description: "Other people's changes, newest first (at most 100)." }),
  more: z.boolean().meta({ description: "True when there were more changes than the events listed." }),
  summary: z.object({
    fields: z.array(z.string()).meta({ description: "The labels of the use case's edited fields." }),
    value: z.number().int(),
    gates: z.number().int(),
    checklists: z.number().int(),
    discussion: z.number().int(),
    services: z.number().int(),
    other: z.number().int(),
  }),
});

/** Fails to compile when a response schema and its DTO type drift apart. */
export const AUDIT_SCHEMAS_MATCH_DTOS: {
  AuditPage: Equal<z.infer<typeof AuditPageResponse>, Awaited<ReturnType<typeof listAuditEvents>>>;
  Changes: Equal<z.infer<typeof ChangesResponse>, Awaited<ReturnType<typeof changesSince>>>;
} = {
  AuditPage: true,
  Changes: true,
};
