"use client";
import { createContext, type MouseEvent, type ReactNode, useContext, useMemo, useRef, useState } from "react";

export type SelectableRow = { key: string; title: string; version: number };

type Selection = {
  rows: SelectableRow[];
  /** The number of use cases matching the list's filters (all pages). */
  total: number;
  selected: ReadonlySet<string>;
  /** "Select all N matching": the bulk edit goes by the filter, not by keys. */
  allMatching: boolean;
  setAllMatching: (all: boolean) => void;
  toggle: (key: string, event: { shiftKey: boolean }) => void;
  togglePage: () => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

export function useBulkSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useBulkSelection outside BulkSelection");
  return selection;
}

/**
 * The list page's selection: a checkbox per row (shift-click selects the range from the last
 * one clicked), a header checkbox for the page, and "all N matching the filter". It lives for one
 * page of results: the page keys it by its query, so another page or filter starts empty.
 */
export function BulkSelection({
  rows,
  total,
  children,
}: {
  rows: SelectableRow[];
  total: number;
  children: ReactNode;
}) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const anchor = useRef<number | null>(null);

  const value = useMemo<Selection>(() => {
    const toggle = (key: string, event: { shiftKey: boolean }) => {
      const index = rows.findIndex((row) => row.key === key);
      // Read the anchor now: the state updater below may run later, after it moved.
      const from = event.shiftKey && anchor.current !== null && index >= 0 ? anchor.current : index;
      const range = rows.slice(Math.min(from, index), Math.max(from, index) + 1).map((row) => row.key);
      anchor.current = index;
      setAllMatching(false);
      setSelected((current) => {
        const next = new Set(current);
        const on = !current.has(key);
        for (const one of range.length ? range : [key]) on ? next.add(one) : next.delete(one);
        return next;
      });
    };
    return {
      rows,
      total,
      selected,
      allMatching,
      setAllMatching,
      toggle,
      togglePage: () => {
        setAllMatching(false);
        setSelected((current) =>
          rows.every((row) => current.has(row.key)) ? new Set() : new Set(rows.map((row) => row.key)),
        );
      },
      clear: () => {
        setAllMatching(false);
        setSelected(new Set());
      },
    };
  }, [rows, total, selected, allMatching]);

  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

const BOX = "h-4 w-4 rounded border-slate-400 text-brand-700 focus:ring-2 focus:ring-brand-500";

/** The header cell's checkbox: the whole page (mixed when part of it is selected). */
export function PageCheckbox() {
  const { rows, selected, togglePage, allMatching } = useBulkSelection();
  const count = rows.filter((row) => selected.has(row.key)).length;
  return (
    <input
      type="checkbox"
      className={BOX}
      aria-label="Select every use case on this page"
      checked={allMatching || (count > 0 && count === rows.length)}
      ref={(box) => {
        if (box) box.indeterminate = !allMatching && count > 0 && count < rows.length;
      }}
      onChange={togglePage}
    />
  );
}

/** A row's checkbox, named after its use case's key (the row's title cell stays the only cell named by the title). */
export function RowCheckbox({ useCaseKey }: { useCaseKey: string }) {
  const { selected, toggle, allMatching } = useBulkSelection();
  return (
    <input
      type="checkbox"
      className={BOX}
      aria-label={`Select ${useCaseKey}`}
      checked={allMatching || selected.has(useCaseKey)}
      // The click carries the shift key (onChange does not); the keyboard's Space also clicks.
      onClick={(event: MouseEvent<HTMLInputElement>) => toggle(useCaseKey, { shiftKey: event.shiftKey })}
      onChange={() => {}}
    />
  );
}
