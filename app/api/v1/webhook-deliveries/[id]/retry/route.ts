import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { retryDelivery } from "@/server/webhooks/deliveries";

export const dynamic = "force-dynamic";

/** A FAILED or PENDING delivery becomes due now (409 when it already succeeded). */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => json(await retryDelivery(actor, params.id)));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
