import { STAGE_LABELS, STATUS_LABELS } from "@/lib/lifecycle";
import { formatMoney } from "@/lib/money";
import type { FundingSnapshotDto } from "@/server/priority/funding-snapshots";

/** A snapshot's frozen ranked list: rank, use case, stage, score, each criterion's value and the money. */
export function SnapshotTable({ snapshot, locale }: { snapshot: FundingSnapshotDto; locale: string }) {
  const criteria = snapshot.model.criteria;
  const cell = "border-b border-slate-200 px-1.5 py-1 align-top print:px-1 print:py-0.5";
  return (
    <table className="w-full text-sm print:text-[9px]">
      <caption className="sr-only">
        The ranked list of “{snapshot.name}”: {snapshot.count} use cases, by rank
      </caption>
      <thead className="text-left text-xs uppercase text-slate-500 print:text-[8px]">
        <tr>
          <th scope="col" className={`${cell} text-right`}>
            Rank
          </th>
          <th scope="col" className={cell}>
            Use case
          </th>
          <th scope="col" className={cell}>
            Stage
          </th>
          <th scope="col" className={`${cell} text-right`}>
            Score
          </th>
          {criteria.map((criterion) => (
            <th key={criterion.key} scope="col" className={`${cell} text-right`}>
              {criterion.label}
              <span className="block font-normal normal-case">
                weight {criterion.weight}
                {criterion.inverted ? ", inverted" : ""}
              </span>
            </th>
          ))}
          <th scope="col" className={`${cell} text-right`}>
            Base EBITDA
          </th>
          <th scope="col" className={`${cell} text-right`}>
            Cost to date
          </th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {snapshot.rows.map((row) => (
          <tr key={row.useCaseId} className="print:break-inside-avoid">
            <td className={`${cell} text-right font-medium`}>#{row.rank}</td>
            <th scope="row" className={`${cell} text-left font-normal`}>
              <span className="text-slate-500">{row.key}</span> {row.title}
            </th>
            <td className={cell}>
              {STAGE_LABELS[row.stage]}
              {row.status !== "ACTIVE" && <span className="text-slate-500"> ({STATUS_LABELS[row.status]})</span>}
            </td>
            <td className={`${cell} text-right font-medium`}>{row.priorityScore.toFixed(1)}</td>
            {criteria.map((criterion) => {
              const value = row.criteria[criterion.key];
              return (
                <td key={criterion.key} className={`${cell} text-right`}>
                  {value == null ? <span className="text-slate-500">unscored</span> : value.toFixed(2)}
                </td>
              );
            })}
            <td className={`${cell} text-right`}>
              {row.ebitdaBase == null ? "—" : formatMoney(row.ebitdaBase, row.currency, locale)}
            </td>
            <td className={`${cell} text-right`}>{formatMoney(row.costToDate, row.currency, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
