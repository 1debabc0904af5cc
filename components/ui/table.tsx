import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

const CELL = "px-3 py-2";
const cx = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(" ");

/**
 * The app's data table, one look for every list of records: a bordered frame that scrolls
 * sideways on a narrow screen, a caption (for screen readers only, unless `showCaption`), one
 * header row (`head`: ColumnHeader cells), then the rows. `children` are the rows of one body;
 * with `rowGroups`, they are TableBody elements of their own (the roadmap's groups). `after`
 * goes inside the frame, below the table (a live sort status, a datalist). `stickyHead` keeps the
 * header row in view while a frame of bounded height (className) scrolls.
 */
export function DataTable({
  caption,
  showCaption = false,
  head,
  children,
  rowGroups = false,
  after,
  className,
  stickyHead = false,
}: {
  caption: ReactNode;
  showCaption?: boolean;
  head: ReactNode;
  children: ReactNode;
  rowGroups?: boolean;
  after?: ReactNode;
  className?: string;
  stickyHead?: boolean;
}) {
  return (
    <div className={cx("overflow-x-auto rounded-lg border border-slate-200 bg-surface", className)}>
      <table className="w-full text-left text-sm">
        <caption className={showCaption ? "px-3 py-2 text-left font-semibold text-slate-800" : "sr-only"}>
          {caption}
        </caption>
        <thead
          className={cx("bg-slate-50 text-xs uppercase tracking-wide text-slate-500", stickyHead && "sticky top-0")}
        >
          <tr>{head}</tr>
        </thead>
        {rowGroups ? children : <TableBody>{children}</TableBody>}
      </table>
      {after}
    </div>
  );
}

/** A group of rows, ruled between them. */
export function TableBody({ children, className }: { children: ReactNode; className?: string }) {
  return <tbody className={cx("divide-y divide-slate-100", className)}>{children}</tbody>;
}

/** A column's header (`scope="col"`); give `aria-sort` to a sortable one. */
export function ColumnHeader({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cx(CELL, className)} {...props} />;
}

/** The cell that names its row (`scope="row"`), in the body's text weight unless told. */
export function RowHeader({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="row" className={cx(CELL, "text-left", className ?? "font-medium")} {...props} />;
}

/** A data cell. */
export function Cell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cx(CELL, className)} {...props} />;
}
