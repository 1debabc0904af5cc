import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { updateManagedUser } from "@/server/users/manage-users";

export const dynamic = "force-dynamic";

/** ADMIN: `{ role?, team?, active?, updatedAt? }`; 409 for the last active admin, or when `updatedAt` is stale. */
export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await updateManagedUser(actor, params.id, await readJson(request))),
);

export const { GET, POST, PUT, DELETE, OPTIONS } = otherMethods({ PATCH });
