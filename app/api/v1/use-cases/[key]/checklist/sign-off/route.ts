import { signOffChecklist } from "@/server/checklists/sign-off-checklist";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ key: string }>(async ({ actor, params }) =>
  json(await signOffChecklist(actor, params.key), 201),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
