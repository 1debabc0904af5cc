import type { TagGroup } from "@/server/openapi/reference-view";
import { MethodBadge } from "./method-badge";

/** The overview's contents: every tag's page, and each of its operations by anchor on that page. */
export function TableOfContents({ groups }: { groups: TagGroup[] }) {
  return (
    <nav aria-labelledby="api-contents" className="rounded-lg border border-slate-200 bg-surface p-4">
      <h2 id="api-contents" className="text-lg font-semibold text-slate-900">
        Contents
      </h2>
      <ul className="mt-3 gap-x-8 sm:columns-2 xl:columns-3">
        {groups.map((group) => (
          <li key={group.slug} className="mb-4 break-inside-avoid">
            <a
              href={`/api-docs/${group.slug}`}
              className="font-semibold text-slate-900 underline-offset-2 hover:underline"
            >
              {group.name}
            </a>
            <ul className="mt-1 space-y-1">
              {group.operations.map((operation) => (
                <li key={operation.id}>
                  <a
                    href={`/api-docs/${group.slug}#${operation.id}`}
                    className="flex items-baseline gap-2 text-sm text-brand-700 underline-offset-2 hover:text-brand-600 hover:underline"
                  >
                    <MethodBadge method={operation.method} /> <span>{operation.summary}</span>
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}
