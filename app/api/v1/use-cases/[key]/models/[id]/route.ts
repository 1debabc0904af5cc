import { apiRoute } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { unlinkModel } from "@/server/registry/model-links";

export const dynamic = "force-dynamic";

type Params = { key: string; id: string };

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await unlinkModel(actor, params.key, params.id);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
