"use client";
import { createContext, type ReactNode, useContext } from "react";
import { DEFAULT_LOCALE } from "@/lib/money";

const LocaleContext = createContext(DEFAULT_LOCALE);

/** The user's locale, chosen on the server from Accept-Language, for client components. */
export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): string {
  return useContext(LocaleContext);
}
