"use client";
import { type PageCommands, useOfferPageCommands } from "./page-commands";

/** Rendered by the use-case page: offers its gate actions to the command palette. Draws nothing. */
export function UseCaseCommands(props: PageCommands) {
  useOfferPageCommands(props);
  return null;
}
