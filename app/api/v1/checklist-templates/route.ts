import { listTemplates } from "@/server/checklists/manage-templates";
import { apiRoute, json } from "@/server/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor }) => json(await listTemplates(actor)));
