"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useLocale } from "@/components/locale-context";
import { StageBadge } from "@/components/ui/badges";
import { formatMoneyShort } from "@/lib/money";
import {
  type MatrixPoint,
  type MatrixSort,
  QUADRANT_LABELS,
  type SortDirection,
  sortPoints,
} from "@/lib/priority-matrix";

const COLUMNS: { by: MatrixSort; label: string; first: SortDirection }[] = [
  { by: "title", label: "Use case", first: "ascending" },
  { by: "stage", label: "Stage", first: "ascending" },
  { by: "quadrant", label: "Quadrant", first: "ascending" },
  { by: "value", label: "Value", first: "descending" },
  { by: "effort", label: "Effort", first: "ascending" },
  { by: "range", label: "EBITDA range", first: "descending" },
];

/**
 * The matrix's data as a table, for keyboard and screen-reader users (and anyone who wants the
 * numbers): each column header is a button that sorts by it (again: the other way), and the
 * header carries `aria-sort`. Most valuable first.
 */
export function MatrixTable({ points, caption }: { points: MatrixPoint[]; caption: string }) {
  const locale = useLocale();
  const [sort, setSort] = useState<{ by: MatrixSort; direction: SortDirection }>({
    by: "value",
    direction: "descending",
  });
  const rows = useMemo(() => sortPoints(points, sort.by, sort.direction), [points, sort]);
  const label = COLUMNS.find((c) => c.by === sort.by)?.label ?? sort.by;
  const choose = (column: (typeof COLUMNS)[number]) =>
    setSort((current) =>
      current.by === column.by
        ? { by: column.by, direction: current.direction === "ascending" ? "descending" : "ascending" }
        : { by: column.by, direction: column.first },
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="px-4 pt-3 text-left text-sm font-semibold text-slate-800">
          {caption}
          <span className="sr-only"> (the column headers sort the table)</span>
        </caption>
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            {COLUMNS.map((column) => {
              const active = sort.by === column.by;
              return (
                <th key={column.by} scope="col" aria-sort={active ? sort.direction : undefined} className="px-4 py-2">
                  <button
                    type="button"
                    onClick={() => choose(column)}
                    className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900"
                  >
                    {column.label}
                    <span aria-hidden className={active ? "text-slate-900" : "text-slate-400"}>
                      {active ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((p) => (
            <tr key={p.key} className="hover:bg-slate-50">
              <td className="px-4 py-2">
                <Link href={`/use-cases/${p.key}`} className="font-medium text-slate-900 hover:underline">
                  <span className="font-mono text-xs text-slate-500">{p.key}</span> {p.title}
                </Link>
              </td>
              <td className="px-4 py-2">
                <StageBadge stage={p.stage} />
              </td>
              <td className="whitespace-nowrap px-4 py-2 text-slate-700">{QUADRANT_LABELS[p.quadrant]}</td>
              <td className="whitespace-nowrap px-4 py-2 tabular-nums">
                {p.value.toFixed(2)}
                {p.valueFrom === "ebitda" && <span className="text-xs text-slate-500"> (base EBITDA)</span>}
              </td>
              <td className="px-4 py-2 tabular-nums">{p.effort.toFixed(2)}</td>
              <td className="whitespace-nowrap px-4 py-2 tabular-nums text-slate-700">
                {p.rangeWidth == null
                  ? "Not estimated"
                  : `${formatMoneyShort(p.ebitda.low, p.ebitda.currency, locale)} – ${formatMoneyShort(p.ebitda.high, p.ebitda.currency, locale)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" className="sr-only">
        Sorted by {label}, {sort.direction}.
      </p>
    </div>
  );
}
