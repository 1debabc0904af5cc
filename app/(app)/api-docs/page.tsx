import { ApiReferenceLoader } from "@/components/api-docs/api-reference-loader";
import { requireUser } from "@/server/auth/current-user";

export const metadata = { title: "API reference" };

/** The HTTP API's reference, rendered from GET /api/v1/openapi.json (signed-in users). */
export default async function ApiDocsPage() {
  await requireUser("/api-docs");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          Roadbook&apos;s HTTP API (v1): JSON, money as decimal strings, errors as RFC 9457 problems. Call it with{" "}
          <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code>; from this page your
          session is used. Create a token with the CLI:{" "}
          <code className="rounded bg-slate-100 px-1">npm run roadbook -- token:create --email E --name N</code> (it is
          printed once). Soon you can also create one under “API tokens” in the user menu.
        </p>
        <p className="text-sm">
          <a
            href="/api/v1/openapi.json"
            className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600"
          >
            The OpenAPI 3.1 document (JSON)
          </a>
        </p>
      </header>
      <section aria-label="Endpoints">
        <ApiReferenceLoader />
      </section>
    </div>
  );
}
