import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { createManagedUser, listUsers } from "@/server/users/manage-users";

export const dynamic = "force-dynamic";

/** ADMIN: `?q=&role=&status=active|deactivated|awaiting` → `{ items, count }`. */
export const GET = apiRoute(async ({ request, actor }) => {
  const { items, count } = await listUsers(actor, Object.fromEntries(new URL(request.url).searchParams));
  return json({ items, count });
});

/** ADMIN: `{ email, name, role, team? }` → the user and its generated first password (shown once). */
export const POST = apiRoute(async ({ request, actor }) =>
  json(await createManagedUser(actor, await readJson(request)), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
