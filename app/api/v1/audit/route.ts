import { requestQuery } from "@/lib/query-params";
import { listAuditEvents } from "@/server/audit/list-events";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

/** The append-only audit trail: `?useCase=UC-n` for one use case (any reader); everything else for admins. */
export const GET = apiRoute(async ({ request, actor }) => {
  const params = requestQuery(request);
  return json(await listAuditEvents(actor, params));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
