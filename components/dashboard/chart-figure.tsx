"use client";
import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * True once the element is near the viewport (or the page is printed). Charts are costly to
 * lay out; drawing each only when it is about to be seen keeps the page responsive while it loads.
 */
function useNearViewport<T extends Element>(eager: boolean): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(eager);
  useEffect(() => {
    const element = ref.current;
    if (!element || near) return;
    if (typeof IntersectionObserver === "undefined") return setNear(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: "200px",
    });
    observer.observe(element);
    const onPrint = () => setNear(true);
    window.addEventListener("beforeprint", onPrint);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", onPrint);
    };
  }, [near]);
  return [ref, near];
}

/** A chart with its caption and the same figures as a table for screen readers (and tests). */
export function ChartFigure({
  title,
  caption,
  columns,
  rows,
  children,
  eager = false,
}: {
  /** Draw at once, not when scrolled near (a page made to be printed). */
  eager?: boolean;
  title: string;
  caption?: string;
  columns: string[];
  rows: (string | number)[][];
  children: ReactNode;
}) {
  const [ref, near] = useNearViewport<HTMLDivElement>(eager);
  return (
    <figure className="space-y-2 rounded-lg border border-slate-200 bg-surface p-4 print:break-inside-avoid">
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      <div ref={ref} className="h-56 w-full print:h-44" aria-hidden>
        {near ? children : <div className="h-full animate-pulse rounded-md bg-slate-50" />}
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
