"use client";
import { Command as CommandIcon } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

type PaletteModule = typeof import("./palette-dialogs");

function typingIn(target: EventTarget | null): boolean {
  return Boolean((target as HTMLElement | null)?.closest?.("input, textarea, select, [contenteditable='true']"));
}

/**
 * The top bar's way into the command palette, and its keys: Ctrl/⌘-K opens it from anywhere,
 * "?" (outside a text field) lists the shortcuts. The palette's code (Downshift) loads on first use,
 * so no route pays for it in its first-load JavaScript.
 */
export function CommandPaletteButton({ canCreate, admin }: { canCreate: boolean; admin: boolean }) {
  const [dialogs, setDialogs] = useState<PaletteModule | null>(null);
  const [palette, setPalette] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const hydrated = useHydrated();
  const mac = hydrated && /Mac|iPhone|iPad/.test(navigator.userAgent);

  const load = useCallback(() => {
    import("./palette-dialogs").then((module) => setDialogs(() => module));
  }, []);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        load();
        setShortcuts(false);
        setPalette((open) => !open);
      } else if (event.key === "?" && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target)) {
        event.preventDefault();
        load();
        setPalette(false);
        setShortcuts(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [load]);

  return (
    <>
      <button
        type="button"
        onClick={() => {
          load();
          setPalette(true);
        }}
        onPointerEnter={load}
        onFocus={load}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        className="flex shrink-0 items-center gap-2 rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
      >
        <CommandIcon aria-hidden size={16} />
        <span className="sr-only sm:not-sr-only">Jump to…</span>
        <kbd aria-hidden className="hidden rounded border border-slate-300 px-1 text-xs text-slate-500 lg:inline">
          {mac ? "⌘ K" : "Ctrl K"}
        </kbd>
      </button>
      {dialogs && (
        <dialogs.PaletteDialogs
          palette={palette}
          onPaletteChange={setPalette}
          shortcuts={shortcuts}
          onShortcutsChange={setShortcuts}
          canCreate={canCreate}
          admin={admin}
        />
      )}
    </>
  );
}
