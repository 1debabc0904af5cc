import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { getPlan } from "@/server/plans/get-plan";
import { setPlan } from "@/server/plans/set-plan";

export const dynamic = "force-dynamic";

type Params = { key: string };

/** Any reader: the plan, each stage against it, and its history. */
export const GET = apiRoute<Params>(async ({ actor, params }) => json(await getPlan(actor, params.key)));

/** `{ version, prototype, packaging, production }` replaces the plan (days "YYYY-MM-DD" or null). */
export const PUT = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await setPlan(actor, params.key, await readJson(request))),
);

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods({ GET, PUT });
