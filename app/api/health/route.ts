import { databaseAnswers } from "@/server/health";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await databaseAnswers();
  return Response.json(ok ? { status: "ok" } : { status: "unavailable", detail: "The database does not answer." }, {
    status: ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
