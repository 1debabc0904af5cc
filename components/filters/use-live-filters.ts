"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, type RefObject, useEffect, useRef, useTransition } from "react";

/** Text fields wait this long after the last keystroke before the results follow. */
export const TEXT_DEBOUNCE_MS = 300;

const isText = (element: EventTarget | null) =>
  element instanceof HTMLInputElement && (element.type === "search" || element.type === "text");

/**
 * A GET filter form that applies on change: the URL stays the state (shareable, and the same
 * form submits natively before scripts load). Selects and dates apply at once, text after a
 * 300 ms pause. When the URL changes otherwise (a chip removed, Back), the fields follow it.
 */
export function useLiveFilters(formRef: RefObject<HTMLFormElement | null>) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  function apply() {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form))
      if (typeof value === "string" && value.trim()) params.set(name, value);
    const query = params.toString();
    if (query === searchParams.toString()) return;
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    if (isText(event.target)) return; // typed text is handled by onInput, debounced
    apply();
  }

  function onInput(event: FormEvent<HTMLFormElement>) {
    if (!isText(event.target)) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(apply, TEXT_DEBOUNCE_MS);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply();
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  // The fields follow the URL (a removed chip, Clear all, Back), except the one being typed in.
  // Not on the first render: the server rendered the fields from this very URL, and what the user
  // chose before the scripts loaded must survive hydration (it used to be reset to the URL's value).
  const shown = useRef(searchParams.toString());
  useEffect(() => {
    const form = formRef.current;
    const query = searchParams.toString();
    if (!form || query === shown.current) return;
    shown.current = query;
    for (const element of Array.from(form.elements)) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
      if (!element.name || element.type === "hidden" || element === document.activeElement) continue;
      element.value = searchParams.get(element.name) ?? "";
      if (element instanceof HTMLSelectElement && element.selectedIndex === -1) element.selectedIndex = 0;
    }
  }, [searchParams, formRef]);

  return { pending, handlers: { onChange, onInput, onSubmit } };
}
