import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { syncUseCaseModels } from "@/server/registry/model-links";

export const dynamic = "force-dynamic";

type Params = { key: string };

/** Read the linked models from their registries now; a registry that is down leaves its link stale (200). */
export const POST = apiRoute<Params>(async ({ actor, params }) => json(await syncUseCaseModels(actor, params.key)));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
