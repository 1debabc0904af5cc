import { componentSchema, type ReferenceDocument, referenceView } from "@/server/openapi/reference-view";
import { ApiIntro } from "./api-intro";
import { ScrollToFragment } from "./scroll-to-fragment";
import { TableOfContents } from "./table-of-contents";

/**
 * The API reference's first page (/api-docs), rendered on the server from the OpenAPI document:
 * what to know before calling it, the schemas every error shares, and the contents, which link
 * to one page per tag (ApiTagReference). No client script but ScrollToFragment: links and <details>.
 */
export function ApiOverview({ document }: { document: ReferenceDocument }) {
  const view = referenceView(document);
  // The shared error responses name their schema (Problem): described once, here.
  const shared = [
    ...new Set(view.groups.flatMap((g) => g.operations.flatMap((o) => o.responses.map((r) => r.sharedSchema)))),
  ].flatMap((name) => {
    const schema = name ? componentSchema(document, name) : undefined;
    return name && schema ? [{ name, schema }] : [];
  });
  return (
    <div className="space-y-8">
      <ApiIntro title={view.title} version={view.version} sharedSchemas={shared} />
      <TableOfContents groups={view.groups} />
      <ScrollToFragment />
    </div>
  );
}
