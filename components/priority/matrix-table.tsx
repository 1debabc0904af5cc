"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useLocale } from "@/components/locale-context";
import { StageBadge } from "@/components/ui/badges";
import { Cell, ColumnHeader, DataTable } from "@/components/ui/table";
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
    <DataTable
      showCaption
      caption={
        <>
          {caption}
          <span className="sr-only"> (the column headers sort the table)</span>
        </>
      }
      head={COLUMNS.map((column) => {
        const active = sort.by === column.by;
        return (
          <ColumnHeader key={column.by} aria-sort={active ? sort.direction : undefined}>
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
          </ColumnHeader>
        );
      })}
      after={
        <p role="status" className="sr-only">
          Sorted by {label}, {sort.direction}.
        </p>
      }
    >
      {rows.map((p) => (
        <tr key={p.key} className="hover:bg-slate-50">
          <Cell>
            <Link href={`/use-cases/${p.key}`} className="font-medium text-slate-900 hover:underline">
              <span className="font-mono text-xs text-slate-500">{p.key}</span> {p.title}
            </Link>
          </Cell>
          <Cell>
            <StageBadge stage={p.stage} />
          </Cell>
          <Cell className="whitespace-nowrap text-slate-700">{QUADRANT_LABELS[p.quadrant]}</Cell>
          <Cell className="whitespace-nowrap tabular-nums">
            {p.value.toFixed(2)}
            {p.valueFrom === "ebitda" && <span className="text-xs text-slate-500"> (base EBITDA)</span>}
          </Cell>
          <Cell className="tabular-nums">{p.effort.toFixed(2)}</Cell>
          <Cell className="whitespace-nowrap tabular-nums text-slate-700">
            {p.rangeWidth == null
              ? "Not estimated"
              : `${formatMoneyShort(p.ebitda.low, p.ebitda.currency, locale)} – ${formatMoneyShort(p.ebitda.high, p.ebitda.currency, locale)}`}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
