import { closeCondition } from "@/server/gates/close-condition";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

/** Close a condition of a go with conditions (its owner or an admin). */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => json(await closeCondition(actor, params.id)));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
