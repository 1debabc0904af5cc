import type { ReactNode } from "react";

/**
 * What a page or a list shows when it has nothing yet, saying what to do next. A muted paragraph
 * inside a section; a dashed box when it stands for a whole page (boxed), has a title (an h2) or
 * carries an action (a button or link under the text).
 */
export function EmptyState({
  title,
  children,
  action,
  boxed = false,
}: {
  title?: ReactNode;
  children: ReactNode;
  action?: ReactNode;
  boxed?: boolean;
}) {
  if (!boxed && !title && !action) return <p className="text-sm text-slate-500">{children}</p>;
  return (
    <div className="space-y-4 rounded-lg border border-dashed border-slate-300 bg-surface p-8 text-center text-sm text-slate-500">
      {title && <h2 className="text-lg font-medium text-slate-900">{title}</h2>}
      <p className={title ? "-mt-3 text-slate-600" : undefined}>{children}</p>
      {action && <div className="flex justify-center">{action}</div>}
    </div>
  );
}
