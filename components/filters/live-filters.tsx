"use client";
import { SlidersHorizontal, X } from "lucide-react";
import Link from "next/link";
import { Dialog } from "radix-ui";
import { type ReactNode, useRef, useState } from "react";
import type { FilterChip } from "@/lib/filter-chips";
import { useLiveFilters } from "./use-live-filters";

type Props = {
  /** The form's accessible name ("Filter the portfolio"). */
  label: string;
  /** The form's own classes (its grid). */
  className: string;
  chips: FilterChip[];
  clearAll: string;
  /** The fields; rendered in the inline form (768 px and up) or in the sheet (below), never both. */
  children: ReactNode;
};

/**
 * Filters that apply on change, with the active ones as removable chips above the results.
 * From 768 px the form shows inline; below, it folds behind "Filters (N)", which opens it in a
 * sheet, so the figures and the list come first on a phone.
 */
export function LiveFilters({ label, className, chips, clearAll, children }: Props) {
  const [open, setOpen] = useState(false);
  const inline = useRef<HTMLFormElement>(null);
  const sheet = useRef<HTMLFormElement>(null);
  const inlineForm = useLiveFilters(inline);
  const sheetForm = useLiveFilters(sheet);
  const pending = inlineForm.pending || sheetForm.pending;
  return (
    <div className="space-y-2 print:hidden">
      <search className="hidden md:block">
        <form ref={inline} method="get" aria-label={label} className={className} {...inlineForm.handlers}>
          {children}
        </form>
      </search>
      <div className="flex min-h-9 flex-wrap items-center gap-2">
        <Dialog.Root open={open} onOpenChange={setOpen}>
          <Dialog.Trigger className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-surface px-3 py-1.5 text-sm font-medium text-slate-800 md:hidden">
            <SlidersHorizontal aria-hidden size={16} />
            Filters ({chips.length})
          </Dialog.Trigger>
          <Dialog.Portal>
            <Dialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
            <Dialog.Content className="fixed inset-x-0 bottom-0 z-50 max-h-[85vh] overflow-y-auto rounded-t-xl bg-surface p-4 shadow-xl">
              <div className="mb-3 flex items-center justify-between">
                <Dialog.Title className="text-lg font-semibold text-slate-900">Filters</Dialog.Title>
                <Dialog.Close className="rounded-md p-2 text-slate-700 hover:bg-slate-100" aria-label="Close filters">
                  <X aria-hidden size={20} />
                </Dialog.Close>
              </div>
              <Dialog.Description className="text-sm text-slate-600">
                The results follow each change.
              </Dialog.Description>
              <search>
                <form ref={sheet} method="get" aria-label={label} className="mt-3 grid gap-3" {...sheetForm.handlers}>
                  {children}
                </form>
              </search>
              <Dialog.Close className="mt-4 w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
                Show results
              </Dialog.Close>
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
        {chips.length > 0 && (
          <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
            {chips.map((chip) => (
              <li key={chip.name} data-filter={chip.name}>
                <Link
                  href={chip.href}
                  scroll={false}
                  className="inline-flex items-center gap-1 rounded-full border border-brand-200 bg-brand-50 px-3 py-1 text-xs font-medium text-brand-700 hover:border-brand-500"
                  aria-label={`Remove filter ${chip.label}: ${chip.value}`}
                >
                  <span>
                    {chip.label}: {chip.value}
                  </span>
                  <X aria-hidden size={12} />
                </Link>
              </li>
            ))}
            <li>
              <Link href={clearAll} scroll={false} className="text-xs font-medium text-brand-700 underline">
                Clear all
              </Link>
            </li>
          </ul>
        )}
        {/* Always in the layout, shown while results load: nothing moves when it appears. */}
        <p role="status" className={`ml-auto text-xs text-slate-500 ${pending ? "visible" : "invisible"}`}>
          {pending ? "Updating the results…" : ""}
        </p>
      </div>
    </div>
  );
}
