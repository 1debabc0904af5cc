"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { LocaleProvider } from "./locale-context";
import { Toaster } from "./ui/toaster";

export function Providers({ children, locale }: { children: ReactNode; locale: string }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }));
  return (
    <QueryClientProvider client={client}>
      <LocaleProvider locale={locale}>
        <Toaster>{children}</Toaster>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
