import { formatDateTime } from "@/lib/dates";
import type { ModelLinkDto } from "@/server/registry/model-link-dto";

const STATUS_TEXT: Record<ModelLinkDto["syncStatus"], { label: string; className: string }> = {
  FRESH: { label: "Synced", className: "bg-emerald-100 text-emerald-800" },
  STALE: { label: "Stale", className: "bg-amber-100 text-amber-900" },
  NEVER: { label: "Not read yet", className: "bg-slate-200 text-slate-800" },
};

/** One linked model: its aliases, its versions (newest 20) with run and metrics, and how fresh that is. */
export function ModelLinkCard({ link }: { link: ModelLinkDto }) {
  const status = STATUS_TEXT[link.syncStatus];
  const versions = link.versions.slice(0, 20);
  return (
    <article className="rounded-lg border border-slate-200 bg-surface p-4" aria-label={`Model ${link.modelName}`}>
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold">{link.modelName}</h3>
        <span className="text-sm text-slate-600">in {link.registry.name}</span>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${status.className}`}>{status.label}</span>
        {Object.entries(link.aliases).map(([alias, version]) => (
          <span key={alias} className="rounded bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-900">
            @{alias} → v{version}
          </span>
        ))}
      </header>
      {link.drift && (
        <p role="alert" className="mt-2 rounded-md bg-rose-50 px-3 py-2 text-sm font-medium text-rose-800">
          @champion points to v{link.drift.version}, which no gate approved (since {formatDateTime(link.drift.since)}).
          Request a gate review of v{link.drift.version}, or move @champion back to an approved version.
        </p>
      )}
      <p className="mt-1 text-sm text-slate-600">
        {link.lastSyncedAt ? `Last synced ${formatDateTime(link.lastSyncedAt)}.` : "Never read from the registry."}
        {link.syncError ? ` ${link.syncStatus === "STALE" ? "Showing the last good sync: " : ""}${link.syncError}` : ""}
      </p>
      {versions.length > 0 && (
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Versions of {link.modelName}, newest first</caption>
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="py-1 pr-4 font-medium">
                  Version
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Aliases
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Source run
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Metrics
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.version} className="border-t border-slate-100">
                  <td className="py-1 pr-4">v{version.version}</td>
                  <td className="py-1 pr-4">{version.aliases.map((a) => `@${a}`).join(" ") || "—"}</td>
                  <td className="py-1 pr-4 font-mono text-xs">{version.runId ?? "—"}</td>
                  <td className="py-1 pr-4">
                    {Object.entries(version.metrics)
                      .map(([key, value]) => `${key} ${Number(value.toFixed(4))}`)
                      .join(", ") || "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {link.versions.length > versions.length && (
            <p className="mt-1 text-xs text-slate-500">
              The newest {versions.length} of {link.versions.length} versions.
            </p>
          )}
        </div>
      )}
    </article>
  );
}
