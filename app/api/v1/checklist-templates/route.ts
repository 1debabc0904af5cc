import { listTemplates } from "@/server/checklists/manage-templates";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor }) => json(await listTemplates(actor)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
