import { LocalDate } from "@/components/ui/local-date";
import { STAGE_LABELS } from "@/lib/lifecycle";
import type { ValueCase } from "@/server/value/value-case";

/** Revisions shown in the one-page value case; the rest are summed up in one sentence. */
export const PRINTED_REVISIONS = 3;

/**
 * The revision history of the one-page value case: the latest few revisions and one line for
 * the others, as plain text (no disclosure widget, which prints as an open box), so the page
 * fits on one sheet however many revisions there are.
 */
export function RevisionSummary({
  revisions,
  money,
}: {
  revisions: ValueCase["revisions"];
  money: (value: string | null | undefined, currency: string) => string;
}) {
  const latest = revisions.slice(0, PRINTED_REVISIONS);
  const older = revisions.slice(PRINTED_REVISIONS);
  const first = revisions.at(-1);
  return (
    <div className="space-y-1 print:break-inside-avoid">
      <h3 className="text-sm font-semibold text-slate-800">Revision history</h3>
      <p className="text-xs text-slate-600">
        {revisions.length === 1 ? "One revision" : `${revisions.length} revisions`}
        {first && (
          <>
            {" "}
            since <LocalDate value={first.createdAt} />
          </>
        )}
        {older.length > 0 && `; the latest ${latest.length} below, ${older.length} older ones in Roadbook`}.
      </p>
      <ol className="divide-y divide-slate-100 text-xs">
        {latest.map((revision) => (
          <li key={revision.id} className="flex flex-wrap justify-between gap-2 py-1">
            <span className="tabular-nums">
              {money(revision.ebitdaLow, revision.currency)} – {money(revision.ebitdaHigh, revision.currency)} (base{" "}
              {money(revision.ebitdaBase, revision.currency)})
            </span>
            <span className="text-slate-500">
              {revision.author.name} · {STAGE_LABELS[revision.stage]} · <LocalDate value={revision.createdAt} />
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
