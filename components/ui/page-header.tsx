import type { ReactNode } from "react";

/**
 * A page's title block: an optional breadcrumb, the h1, an optional description and anything else
 * that belongs under the title (children), with the page's actions beside it on wide screens and
 * wrapping below on narrow ones. Actions are left out of print.
 */
export function PageHeader({
  title,
  description,
  breadcrumb,
  actions,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  breadcrumb?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-x-4 gap-y-3">
      <div className="min-w-0 space-y-1">
        {breadcrumb && <p className="text-sm">{breadcrumb}</p>}
        <h1 className="text-2xl font-semibold">{title}</h1>
        {description && <p className="max-w-3xl text-sm text-slate-600">{description}</p>}
        {children}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2 print:hidden">{actions}</div>}
    </header>
  );
}
