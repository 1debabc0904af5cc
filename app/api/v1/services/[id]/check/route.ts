import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { checkService } from "@/server/services/check-service";

export const dynamic = "force-dynamic";

/**
 * Probe the service now: its `health` (BLOCKED when the policy refuses the address; nothing is
 * fetched) and, for a Jenkins job, its last `build`.
 */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const service = await checkService(actor, params.id);
  return json({ id: service.id, health: service.health, build: service.build });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
