import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { listDeliveries } from "@/server/webhooks/deliveries";

export const dynamic = "force-dynamic";

/** The webhook's last 50 deliveries, newest first, with their payloads. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await listDeliveries(actor, params.id)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
