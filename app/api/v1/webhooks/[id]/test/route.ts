import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { sendTestDelivery } from "@/server/webhooks/deliveries";

export const dynamic = "force-dynamic";

/** Send a `ping` to this webhook now: the delivery with its result. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) =>
  json(await sendTestDelivery(actor, params.id), 201),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
