import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import type { MoveKind, SnapshotMove } from "@/lib/funding-compare";
import type { FundingComparisonDto } from "@/server/priority/funding-snapshots";

/** The most rows a section shows (a new model version can move every use case; the API lists them all). */
export const SECTION_LIMIT = 200;

const SECTIONS: { change: MoveKind; title: string }[] = [
  { change: "UP", title: "Moved up" },
  { change: "DOWN", title: "Moved down" },
  { change: "NEW", title: "New in the list" },
  { change: "DROPPED", title: "Dropped from the list" },
  { change: "SAME", title: "Changed in place" },
];

const score = (value: number | null) => (value == null ? "—" : value.toFixed(1));
const rank = (value: number | null) => (value == null ? "—" : `#${value}`);

function moved(move: SnapshotMove) {
  if (move.movedBy == null || move.movedBy === 0) return <span className="text-slate-500">—</span>;
  const up = move.movedBy > 0;
  return (
    <span className={up ? "text-emerald-700" : "text-red-700"}>
      <span aria-hidden>{up ? "▲" : "▼"}</span>
      {Math.abs(move.movedBy)}
      <span className="sr-only"> {up ? "places up" : "places down"}</span>
    </span>
  );
}

/** What moved between two snapshots, and why: one table per kind of move. */
export function FundingComparison({ comparison }: { comparison: FundingComparisonDto }) {
  const { from, to, counts, moves } = comparison;
  const cell = "border-b border-slate-200 px-2 py-1.5 align-top";
  return (
    <section aria-labelledby="comparison-heading" className="space-y-4">
      <div className="space-y-1">
        <h3 id="comparison-heading" className="font-semibold">
          From “{from.name}” to “{to.name}”
        </h3>
        <p className="text-sm text-slate-600">
          <LocalDate value={from.takenAt} time /> → <LocalDate value={to.takenAt} time />: {counts.UP} moved up,{" "}
          {counts.DOWN} moved down, {counts.NEW} new, {counts.DROPPED} dropped, {counts.SAME} kept their place.
        </p>
        {comparison.modelChanged && (
          <p className="text-sm text-amber-800">
            The scoring model changed between them (version {from.modelVersion} → {to.modelVersion}): scores may have
            moved with the weights.
          </p>
        )}
      </div>
      {moves.length === 0 ? (
        <EmptyState>Nothing moved: the two ranked lists are the same.</EmptyState>
      ) : (
        SECTIONS.map(({ change, title }) => {
          const rows = moves.filter((move) => move.change === change);
          if (rows.length === 0) return null;
          const shown = rows.slice(0, SECTION_LIMIT);
          return (
            <div key={change} className="overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="pb-1 text-left font-semibold">
                  {title} ({rows.length})
                  {rows.length > shown.length && (
                    <span className="font-normal text-slate-600">
                      {" "}
                      — the first {shown.length} shown; the API lists them all
                    </span>
                  )}
                </caption>
                <thead className="text-left text-xs uppercase text-slate-500">
                  <tr>
                    <th scope="col" className={cell}>
                      Use case
                    </th>
                    <th scope="col" className={`${cell} text-right`}>
                      Rank before
                    </th>
                    <th scope="col" className={`${cell} text-right`}>
                      Rank after
                    </th>
                    <th scope="col" className={`${cell} text-right`}>
                      Moved
                    </th>
                    <th scope="col" className={`${cell} text-right`}>
                      Score before
                    </th>
                    <th scope="col" className={`${cell} text-right`}>
                      Score after
                    </th>
                    <th scope="col" className={cell}>
                      Why
                    </th>
                  </tr>
                </thead>
                <tbody className="tabular-nums">
                  {shown.map((move) => (
                    <tr key={move.useCaseId}>
                      <th scope="row" className={`${cell} text-left font-normal`}>
                        <Link href={`/use-cases/${move.key}`} className="text-brand-700 underline">
                          {move.key}
                        </Link>{" "}
                        {move.title}
                      </th>
                      <td className={`${cell} text-right`}>{rank(move.rankBefore)}</td>
                      <td className={`${cell} text-right`}>{rank(move.rankAfter)}</td>
                      <td className={`${cell} text-right`}>{moved(move)}</td>
                      <td className={`${cell} text-right`}>{score(move.scoreBefore)}</td>
                      <td className={`${cell} text-right`}>{score(move.scoreAfter)}</td>
                      <td className={cell}>
                        <ul className="space-y-0.5">
                          {move.reasons.map((reason) => (
                            <li key={`${reason.kind}-${reason.criterion ?? ""}`}>{reason.text}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })
      )}
    </section>
  );
}
