import { componentSchema, type ReferenceDocument, referenceView } from "@/server/openapi/reference-view";
import { ApiIntro } from "./api-intro";
import { InlineCode } from "./inline-code";
import { Operation } from "./operation";
import { TableOfContents } from "./table-of-contents";

/**
 * The API reference, rendered on the server from the OpenAPI document: intro, contents, then
 * one section per operation under a heading per tag. No client script: anchors and <details>.
 */
export function ApiReference({ document }: { document: ReferenceDocument }) {
  const view = referenceView(document);
  // The shared error responses name their schema (Problem): described once, in the intro.
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
      <section aria-label="Endpoints" className="space-y-10">
        {view.groups.map((group) => (
          <section key={group.anchor} id={group.anchor} className="scroll-mt-4 space-y-4">
            <header className="space-y-1">
              <h2 className="text-xl font-semibold text-slate-900">{group.name}</h2>
              {group.description && (
                <p className="max-w-3xl text-sm text-slate-700">
                  <InlineCode text={group.description} />
                </p>
              )}
            </header>
            {group.operations.map((operation) => (
              <Operation key={operation.id} operation={operation} />
            ))}
          </section>
        ))}
      </section>
    </div>
  );
}
