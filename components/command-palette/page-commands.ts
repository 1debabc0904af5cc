"use client";
import { useEffect, useSyncExternalStore } from "react";

/**
 * What the page on screen offers the command palette: the use case it shows, and the gate
 * actions the server found the user may take there. The page says it (see UseCaseCommands); the
 * palette only offers it. The server checks each action again when it runs.
 */
export type PageCommands = {
  useCase: { key: string; title: string };
  /** The gate the user may request now ("G2"), or none. */
  requestGate?: string;
  /** The open review the user may decide, or none. */
  decideGate?: string;
};

let current: PageCommands | null = null;
const listeners = new Set<() => void>();

function publish(next: PageCommands | null) {
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The commands of the page on screen, for the palette. */
export function usePageCommands(): PageCommands | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}

/** Offers a page's commands while it is on screen. */
export function useOfferPageCommands(commands: PageCommands) {
  const { useCase, requestGate, decideGate } = commands;
  useEffect(() => {
    publish({ useCase: { key: useCase.key, title: useCase.title }, requestGate, decideGate });
    return () => publish(null);
  }, [useCase.key, useCase.title, requestGate, decideGate]);
}
