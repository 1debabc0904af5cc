import { requestQuery } from "@/lib/query-params";
import { getCurrentUser } from "@/server/auth/current-user";
import { errorResponse } from "@/server/http/api-route";
import { problem } from "@/server/http/problem";
import { exportUseCasesCsv } from "@/server/use-cases/export-csv";

export const dynamic = "force-dynamic";

/** The use-case list with the same filters as the page, as a CSV download (the browser session). */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Unauthorized", "Sign in first.");
  const search = requestQuery(request);
  try {
    const parts = await exportUseCasesCsv(user, search);
    const day = new Date().toISOString().slice(0, 10);
    const encoder = new TextEncoder();
    const iterator = parts[Symbol.asyncIterator]();
    // Streamed a batch at a time: the whole portfolio with flat memory.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="roadbook-use-cases-${day}.csv"`,
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
