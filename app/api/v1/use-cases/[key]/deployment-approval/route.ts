import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { checkDeploymentApproval } from "@/server/registry/deployment-approval";

export const dynamic = "force-dynamic";

type Params = { key: string };

/**
 * `?environment=production&modelVersion=7&commit=a1b2c3` -> `{ allowed, reasons, approvedAt,
 * gate, modelVersion, commit }`, always 200 for a well-formed question (pipelines read
 * `allowed`); audited. The one endpoint a deploy:check token may call.
 */
export const GET = apiRoute<Params>(
  async ({ request, actor, params }) =>
    json(await checkDeploymentApproval(actor, params.key, Object.fromEntries(new URL(request.url).searchParams))),
  { deployCheck: true },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
