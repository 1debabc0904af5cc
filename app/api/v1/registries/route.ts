import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { createRegistry, listRegistries } from "@/server/registry/manage-registries";

export const dynamic = "force-dynamic";

/** ADMIN: the connected model registries (never their secrets). */
export const GET = apiRoute(async ({ actor }) => json(await listRegistries(actor)));

/** ADMIN: `{ name, baseUrl, auth?, username?, secret?, verifyTls? }` -> 201. */
export const POST = apiRoute(async ({ request, actor }) =>
  json(await createRegistry(actor, await readJson(request)), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
