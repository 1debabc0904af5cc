import type { ReactNode } from "react";

/** A section of the risk portfolio: one row per group (tier or stage), its use cases and open risks. */
export function RiskCountsTable({
  id,
  title,
  groupLabel,
  rows,
}: {
  id: string;
  title: string;
  groupLabel: string;
  rows: { key: string; label: ReactNode; useCases: number; openRisks: number }[];
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2 rounded-lg border border-slate-200 bg-surface p-5">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="py-1 font-medium">
              {groupLabel}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Use cases
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Open risks
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-slate-100">
              <th scope="row" className="py-1 text-left font-normal">
                {row.label}
              </th>
              <td className="py-1 text-right tabular-nums">{row.useCases}</td>
              <td className="py-1 text-right tabular-nums">{row.openRisks}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
