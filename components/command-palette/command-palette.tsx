"use client";
import { useQuery } from "@tanstack/react-query";
import { useCombobox } from "downshift";
import {
  Bell,
  ClipboardCheck,
  FolderKanban,
  GitPullRequestArrow,
  Keyboard,
  KeyRound,
  Moon,
  Plus,
  Sun,
  User,
} from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { Dialog } from "radix-ui";
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { DECISION_FORM_ID } from "@/components/gates/decision-form";
import { useToast } from "@/components/ui/toaster";
import { requestGateAction } from "@/server/actions/gates";
import { ADMIN_PAGES } from "../app-shell/admin-pages";
import { applyTheme, looksDark } from "../app-shell/apply-theme";
import { MAIN_PAGES } from "../app-shell/main-pages";
import { usePageCommands } from "./page-commands";
import { matchesQuery, USE_CASE_SEARCH_LIMIT, useDebounced } from "./palette-search";

type FoundUseCase = { key: string; title: string; stage: string };

/** One result: an action, a page or a use case, in that order (see GROUPS). */
type Entry = {
  id: string;
  group: (typeof GROUPS)[number];
  label: string;
  icon: ReactNode;
  run: () => void;
  /** Searched besides the label (actions and pages; use cases are searched by the server). */
  keywords?: string;
  /** A use case's key and stage, shown around its title. */
  key?: string;
  stage?: string;
};

// Use cases come last: they arrive after the typing, so they never push down the result that
// is active when they arrive.
const GROUPS = ["Actions", "Pages", "Use cases"] as const;

const ITEM = "flex cursor-default items-center gap-3 rounded-md px-3 py-2 text-sm text-slate-800 select-none";
const ACTIVE_ITEM = "bg-brand-50 text-brand-800";

const STAGE_NAMES: Record<string, string> = {
  POC: "POC",
  PROTOTYPE: "Prototype",
  PACKAGING: "Packaging & preparing",
  PRODUCTION: "Production",
};

async function findUseCases(q: string, signal: AbortSignal): Promise<FoundUseCase[]> {
  const response = await fetch(`/api/v1/use-cases?limit=${USE_CASE_SEARCH_LIMIT}&q=${encodeURIComponent(q)}`, {
    signal,
    headers: { accept: "application/json" },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null;
    throw new Error(problem?.detail ?? problem?.title ?? `The search answered ${response.status}.`);
  }
  const body = (await response.json()) as { items: FoundUseCase[] };
  return body.items;
}

/** Enter on the active option, or a click on one: the option runs. */
function chosenBy(type: string): boolean {
  return type === useCombobox.stateChangeTypes.InputKeyDownEnter || type === useCombobox.stateChangeTypes.ItemClick;
}

function exactKeyFirst(useCases: FoundUseCase[], query: string): FoundUseCase[] {
  const exact = useCases.filter((u) => u.key.toLowerCase() === query.toLowerCase());
  return [...exact, ...useCases.filter((u) => !exact.includes(u))];
}

/**
 * Ctrl/⌘-K: jump to a use case (by key or title) or a page, or run what the user may do here.
 * Downshift's useCombobox gives the combobox/listbox pattern: the input owns the list and names
 * the active option (aria-activedescendant), arrows move it, Enter runs it. cmdk was tried
 * first and dropped: its 1.1.1 leaves aria-activedescendant unset, or stale after filtering
 * (dip/cmdk#413). Radix's dialog traps focus and gives it back on close. Loaded on first use
 * (see command-palette-button.tsx).
 */
export function CommandPalette({
  open,
  onOpenChange,
  canCreate,
  admin,
  onShowShortcuts,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  canCreate: boolean;
  admin: boolean;
  onShowShortcuts: () => void;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const toast = useToast();
  const page = usePageCommands();
  const [query, setQuery] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Where focus goes when the dialog closes, when an action points somewhere on the page.
  const focusAfterClose = useRef<string | null>(null);
  const searched = useDebounced(query.trim(), 200);
  const useCases = useQuery({
    queryKey: ["command-palette", "use-cases", searched],
    queryFn: ({ signal }) => findUseCases(searched, signal),
    enabled: open && searched.length > 0,
    staleTime: 30_000,
    retry: false,
  });

  function go(href: string) {
    onOpenChange(false);
    if (href !== pathname) router.push(href);
  }

  async function requestGate(key: string, gate: string) {
    setBusy(true);
    setMessage(null);
    try {
      const result = await requestGateAction(key, {});
      if (result.ok) {
        onOpenChange(false);
        toast({ title: `Review ${gate} requested`, description: "The deciders are told." });
        router.refresh();
      } else {
        const fields = Object.values(result.fieldErrors ?? {});
        setMessage([result.message, ...fields].join(" "));
      }
    } catch {
      setMessage("Could not reach the server. Nothing was requested; try again.");
    } finally {
      setBusy(false);
    }
  }

  function decide() {
    focusAfterClose.current = DECISION_FORM_ID;
    onOpenChange(false);
  }

  const actions: Entry[] = [];
  if (page?.requestGate) {
    const { key } = page.useCase;
    const gate = page.requestGate;
    actions.push({
      group: "Actions",
      id: "request-gate",
      label: `Request the ${gate} review of ${key}`,
      keywords: "gate review request next",
      icon: <GitPullRequestArrow aria-hidden size={16} />,
      run: () => void requestGate(key, gate),
    });
  }
  if (page?.decideGate) {
    actions.push({
      group: "Actions",
      id: "decide",
      label: `Record a decision on the ${page.decideGate} review of ${page.useCase.key}`,
      keywords: "gate review decide vote go stop pause",
      icon: <ClipboardCheck aria-hidden size={16} />,
      run: decide,
    });
  }
  if (canCreate) {
    actions.push({
      group: "Actions",
      id: "new-use-case",
      label: "New use case",
      keywords: "create add",
      icon: <Plus aria-hidden size={16} />,
      run: () => go("/use-cases/new"),
    });
  }
  const dark = open && looksDark();
  actions.push({
    group: "Actions",
    id: "theme",
    label: dark ? "Switch to the light theme" : "Switch to the dark theme",
    keywords: "theme colour color dark light mode toggle",
    icon: dark ? <Sun aria-hidden size={16} /> : <Moon aria-hidden size={16} />,
    run: () => {
      applyTheme(dark ? "light" : "dark");
      onOpenChange(false);
    },
  });
  actions.push({
    group: "Actions",
    id: "shortcuts",
    label: "Keyboard shortcuts",
    keywords: "help keys ?",
    icon: <Keyboard aria-hidden size={16} />,
    run: () => {
      onOpenChange(false);
      onShowShortcuts();
    },
  });

  const pages: Entry[] = [
    ...MAIN_PAGES,
    ...(admin ? ADMIN_PAGES.map((p) => ({ ...p, label: `Admin: ${p.label}` })) : []),
    { href: "/notifications", label: "Notifications", icon: Bell },
    { href: "/settings/profile", label: "Profile", icon: User },
    { href: "/settings/tokens", label: "API tokens", icon: KeyRound },
  ].map(({ href, label, icon: Icon }) => ({
    group: "Pages",
    id: `page ${href}`,
    label,
    icon: <Icon aria-hidden size={16} className="shrink-0 text-slate-500" />,
    run: () => go(href),
  }));
  // A key typed in full comes first (the search also finds UC-120… for UC-12, and titles).
  const found: Entry[] = (searched.length > 0 ? exactKeyFirst(useCases.data ?? [], searched) : []).map((u) => ({
    group: "Use cases",
    id: `use-case ${u.key}`,
    label: u.title,
    key: u.key,
    stage: STAGE_NAMES[u.stage] ?? u.stage,
    icon: <FolderKanban aria-hidden size={16} className="shrink-0 text-slate-500" />,
    run: () => go(`/use-cases/${u.key}`),
  }));
  const items = [
    ...actions.filter((a) => matchesQuery(`${a.label} ${a.keywords ?? ""}`, query)),
    ...pages.filter((p) => matchesQuery(p.label, query)),
    ...found,
  ];
  const searching = searched !== query.trim() || useCases.isFetching;

  // The first result is active after each keystroke; arrows move it; none while the list is empty
  // (so aria-activedescendant never names a missing option).
  const [highlighted, setHighlighted] = useState(0);
  const highlightedIndex = items.length === 0 ? -1 : Math.min(Math.max(highlighted, 0), items.length - 1);
  const { getInputProps, getMenuProps, getItemProps, setInputValue } = useCombobox<Entry>({
    items,
    itemToString: (item) => item?.label ?? "",
    itemToKey: (item) => item?.id,
    isOpen: true,
    // The text stays Downshift's own (a controlled one loses keystrokes typed fast); the filter
    // follows it.
    selectedItem: null,
    highlightedIndex,
    defaultHighlightedIndex: 0,
    onInputValueChange: ({ inputValue }) => setQuery(inputValue ?? ""),
    onHighlightedIndexChange: ({ highlightedIndex: next }) => setHighlighted(next ?? 0),
    // Running an option keeps what was typed (Downshift would put the option's label there):
    // a refused action leaves the palette as it was.
    stateReducer: (state, { type, changes }) =>
      chosenBy(type) ? { ...changes, inputValue: state.inputValue, highlightedIndex: state.highlightedIndex } : changes,
    onStateChange: ({ type, selectedItem }) => {
      if (chosenBy(type) && selectedItem && !busy) selectedItem.run();
    },
  });

  // A fresh start each time it opens; the page's commands may have changed meanwhile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on opening only.
  useEffect(() => {
    if (open) {
      setInputValue("");
      setQuery("");
      setMessage(null);
    }
  }, [open]);

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Escape closes the dialog (Downshift would only clear the input).
    if (event.key === "Escape") {
      (event.nativeEvent as { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
      onOpenChange(false);
    }
  }

  const nothing = items.length === 0 && !searching;

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            const target = focusAfterClose.current;
            focusAfterClose.current = null;
            if (!target) return;
            const form = document.getElementById(target);
            const first = form?.querySelector<HTMLElement>("input, select, textarea, button");
            if (!first) return;
            event.preventDefault();
            form?.scrollIntoView({ block: "center" });
            first.focus();
          }}
          className="fixed top-[12vh] left-1/2 z-50 w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-xl border border-slate-200 bg-surface shadow-2xl"
        >
          <Dialog.Title className="sr-only">Command palette</Dialog.Title>
          <input
            {...getInputProps({ "aria-label": "Jump to or run", onKeyDown: onInputKeyDown })}
            placeholder="Jump to a use case (key or title) or a page, or run an action…"
            className="w-full border-b border-slate-200 bg-surface px-4 py-3 text-sm text-slate-900 outline-none placeholder:text-slate-500"
          />
          {message && (
            <p role="alert" className="border-b border-slate-200 px-4 py-2 text-sm text-rose-700">
              {message}
            </p>
          )}
          <div {...getMenuProps({ "aria-label": "Results" })} className="max-h-[60vh] overflow-y-auto p-2">
            {GROUPS.map((group) => {
              const entries = items.filter((item) => item.group === group);
              if (entries.length === 0) return null;
              const headingId = `command-palette-${group.replace(" ", "-").toLowerCase()}`;
              return (
                // biome-ignore lint/a11y/useSemanticElements: a group of options inside a listbox is role="group" (a fieldset groups form controls).
                <div key={group} role="group" aria-labelledby={headingId}>
                  <div id={headingId} className="px-3 pt-2 pb-1 text-xs font-semibold text-slate-600">
                    {group}
                  </div>
                  {entries.map((entry) => {
                    const index = items.indexOf(entry);
                    return (
                      <div
                        key={entry.id}
                        {...getItemProps({ item: entry, index })}
                        className={`${ITEM} ${index === highlightedIndex ? ACTIVE_ITEM : ""}`}
                      >
                        {entry.icon}
                        {entry.key && <span className="font-mono text-xs text-slate-600">{entry.key}</span>}
                        <span className="min-w-0 flex-1 truncate">{entry.label}</span>
                        {entry.stage && <span className="text-xs text-slate-600">{entry.stage}</span>}
                      </div>
                    );
                  })}
                </div>
              );
            })}
            {busy && <p className="px-3 py-2 text-sm text-slate-600">Working…</p>}
            {searching && searched.length > 0 && found.length === 0 && (
              <p className="px-3 py-2 text-sm text-slate-600">Searching use cases…</p>
            )}
            {useCases.isError && (
              <p className="px-3 py-2 text-sm text-rose-700">
                Could not search use cases: {useCases.error.message} Pages and actions still work.
              </p>
            )}
            {nothing && !useCases.isError && (
              <p className="px-3 py-6 text-center text-sm text-slate-600">
                Nothing matches “{query.trim()}”. Try a use case key like UC-12, a word of its title, or a page name.
              </p>
            )}
          </div>
          <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-600">
            <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open or run, <kbd>Esc</kbd> to close.
          </p>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
