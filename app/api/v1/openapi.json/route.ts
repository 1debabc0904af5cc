import { otherMethods } from "@/server/http/other-methods";
import { openApiJson } from "@/server/openapi/document";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of this API: public (no credentials), built once per process. */
export async function GET() {
  return new Response(openApiJson(), {
    headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
