"use client";
import { Columns3 } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type KeyboardEvent, useEffect, useId, useRef, useState, useTransition } from "react";
import { REQUIRED_COLUMNS, USE_CASE_COLUMN_LABELS, USE_CASE_COLUMNS, type UseCaseColumn } from "@/lib/use-case-columns";
import { setListColumnsAction } from "@/server/actions/views";
import { buttonClass } from "../ui/button-class";

/**
 * Which columns of the use-case list show: a disclosure of checkboxes (key and title always).
 * Outside a saved view the choice is the user's, remembered on their account; in a view it goes
 * into the address (`columns=`), for "Update view" to save.
 */
export function ColumnChooser({ columns, inView }: { columns: readonly UseCaseColumn[]; inView: boolean }) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<readonly UseCaseColumn[]>(columns);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => setShown(columns), [columns]);

  /** Escape in the panel closes it and returns to its button. */
  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape") return;
    setOpen(false);
    toggle.current?.focus();
  }

  function change(column: UseCaseColumn, visible: boolean) {
    const next = USE_CASE_COLUMNS.filter((c) => (c === column ? visible : shown.includes(c)));
    setShown(next);
    setError(null);
    startTransition(async () => {
      if (inView) {
        const params = new URLSearchParams(search.toString());
        params.set("columns", next.join(","));
        router.replace(`${pathname}?${params}`, { scroll: false });
        return;
      }
      const result = await setListColumnsAction({ columns: next });
      if (!result.ok) setError(result.message);
      router.refresh();
    });
  }

  return (
    <div className="relative">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className={buttonClass("secondary", "gap-1.5")}
      >
        <Columns3 aria-hidden size={16} />
        Columns
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-20 mt-2 w-60 rounded-lg border border-slate-200 bg-surface p-3 shadow-lg"
      >
        <fieldset aria-busy={pending}>
          <legend className="mb-2 text-sm font-medium text-slate-900">Show columns</legend>
          <ul className="space-y-1.5">
            {USE_CASE_COLUMNS.map((column) => {
              const required = REQUIRED_COLUMNS.includes(column);
              return (
                <li key={column}>
                  <label className="flex items-center gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      checked={required || shown.includes(column)}
                      disabled={required}
                      onChange={(event) => change(column, event.target.checked)}
                      onKeyDown={closeOnEscape}
                    />
                    {USE_CASE_COLUMN_LABELS[column]}
                    {required && <span className="text-xs text-slate-600">(always)</span>}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        {error && (
          <p role="alert" className="mt-2 text-sm text-rose-700">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
