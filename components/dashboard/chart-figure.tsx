import type { ReactNode } from "react";

/** A chart with its caption and the same figures as a table for screen readers (and tests). */
export function ChartFigure({
  title,
  caption,
  columns,
  rows,
  children,
}: {
  title: string;
  caption?: string;
  columns: string[];
  rows: (string | number)[][];
  children: ReactNode;
}) {
  return (
    <figure className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 print:break-inside-avoid">
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      <div className="h-56 w-full" aria-hidden>
        {children}
      </div>
      {caption && <figcaption className="text-xs text-slate-500">{caption}</figcaption>}
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={columns[i]} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={columns[i]}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
