import { safeText, toCsv } from "@/lib/csv";
import { requestQuery } from "@/lib/query-params";
import { exportAuditEvents } from "@/server/audit/list-events";
import { getCurrentUser } from "@/server/auth/current-user";
import { errorResponse } from "@/server/http/api-route";
import { problem } from "@/server/http/problem";

export const dynamic = "force-dynamic";

const HEADER = ["at", "actor", "actorId", "action", "entity", "entityId", "useCase", "before", "after", "requestId"];

/** The audit trail with the Audit page's filters, as CSV (RFC 4180, formula-injection-safe). */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Unauthorized", "Sign in first.");
  const search = requestQuery(request);
  try {
    const events = await exportAuditEvents(user, search);
    const csv = toCsv(
      HEADER,
      events.map((e) => [
        e.at,
        safeText(e.actor?.name ?? ""),
        e.actorId ?? "",
        e.action,
        e.entity,
        safeText(e.entityId),
        e.useCaseKey ?? "",
        safeText(e.before == null ? "" : JSON.stringify(e.before)),
        safeText(e.after == null ? "" : JSON.stringify(e.after)),
        e.requestId ?? "",
      ]),
    );
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="roadbook-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
