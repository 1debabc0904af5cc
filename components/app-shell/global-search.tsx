"use client";
import { Search } from "lucide-react";
import { useEffect, useRef } from "react";

/**
 * Search across use cases by key, title or owner: a plain GET form to the list page (works
 * without JavaScript). "/" focuses it from anywhere but a text field.
 */
export function GlobalSearch() {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest("input, textarea, select, [contenteditable='true']");
      if (event.key === "/" && !typing && !event.metaKey && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        input.current?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <search className="relative w-full max-w-md">
      <form action="/use-cases">
        <label htmlFor="global-search" className="sr-only">
          Search use cases
        </label>
        <Search
          aria-hidden
          size={16}
          className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-slate-500"
        />
        <input
          ref={input}
          id="global-search"
          name="q"
          type="search"
          placeholder="Search use cases by key, title or owner"
          aria-keyshortcuts="/"
          className="w-full rounded-md border border-slate-300 bg-surface py-1.5 pr-8 pl-9 text-sm text-slate-900 placeholder:text-slate-500"
        />
        <kbd
          aria-hidden
          className="pointer-events-none absolute top-1/2 right-2 hidden -translate-y-1/2 rounded border border-slate-300 px-1.5 text-xs text-slate-500 sm:block"
        >
          /
        </kbd>
      </form>
    </search>
  );
}
