import type { TagGroup } from "@/server/openapi/reference-view";
import { MethodBadge } from "./method-badge";
import { Operation } from "./operation";
import { ScrollToFragment } from "./scroll-to-fragment";

const LINK = "text-brand-700 underline-offset-2 hover:text-brand-600 hover:underline";

/**
 * One tag's page of the API reference (/api-docs/<slug>): the other tags' pages beside it, this
 * tag's operations listed by anchor, then one section per operation. The page's h1 is the tag's
 * name. One page per tag keeps each page small (the whole reference was 750 kB of HTML).
 */
export function ApiTagReference({ groups, group }: { groups: TagGroup[]; group: TagGroup }) {
  return (
    <div className="grid gap-8 lg:grid-cols-[15rem_minmax(0,1fr)]">
      <nav aria-labelledby="api-sections" className="text-sm lg:sticky lg:top-4 lg:self-start">
        <h2 id="api-sections" className="font-semibold text-slate-900">
          Sections
        </h2>
        <ul className="mt-2 space-y-1">
          {groups.map((other) => (
            <li key={other.slug}>
              <a
                href={`/api-docs/${other.slug}`}
                aria-current={other.slug === group.slug ? "page" : undefined}
                className={`${LINK} aria-[current=page]:font-semibold aria-[current=page]:text-slate-900`}
              >
                {other.name}
              </a>
              {other.slug === group.slug && (
                <ul className="mt-1 mb-2 space-y-1 border-l border-slate-200 pl-3">
                  {group.operations.map((operation) => (
                    <li key={operation.id}>
                      <a href={`#${operation.id}`} className={`flex items-baseline gap-2 ${LINK}`}>
                        <MethodBadge method={operation.method} /> <span>{operation.summary}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="api-endpoints" className="min-w-0 space-y-6">
        <h2 id="api-endpoints" className="text-xl font-semibold text-slate-900">
          Endpoints
        </h2>
        {group.operations.map((operation) => (
          <Operation key={operation.id} operation={operation} />
        ))}
      </section>
      <ScrollToFragment />
    </div>
  );
}
