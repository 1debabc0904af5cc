import { ApiOverview } from "@/components/api-docs/api-overview";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/server/auth/current-user";
import { openApiDocument } from "@/server/openapi/document";

export const metadata = { title: "API reference" };

/** The HTTP API's reference, rendered on the server from the document GET /api/v1/openapi.json serves (signed-in users). */
export default async function ApiDocsPage() {
  await requireUser("/api-docs");
  return (
    <div className="space-y-6">
      <PageHeader title="API reference" />
      <ApiOverview document={openApiDocument()} />
    </div>
  );
}
