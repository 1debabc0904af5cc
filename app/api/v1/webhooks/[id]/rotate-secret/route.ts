import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { rotateWebhookSecret } from "@/server/webhooks/manage-webhooks";

export const dynamic = "force-dynamic";

/** A new signing secret, in `secret`, shown this once; the old one stops signing at once. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) =>
  json(await rotateWebhookSecret(actor, params.id)),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
