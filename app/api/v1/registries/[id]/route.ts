import { apiRoute } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { deleteRegistry } from "@/server/registry/manage-registries";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteRegistry(actor, params.id);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
