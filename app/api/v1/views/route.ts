import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { createView, listViews } from "@/server/views/saved-views";

export const dynamic = "force-dynamic";

/** The caller's saved views of the use-case list, then the shared ones of others. */
export const GET = apiRoute(async ({ actor }) => json(await listViews(actor)));

/** `{ name, shared?, query?, columns? }` -> 201; shared only for ADMIN and BUSINESS (403). */
export const POST = apiRoute(async ({ request, actor }) => json(await createView(actor, await readJson(request)), 201));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
