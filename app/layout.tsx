import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { getLocale } from "@/server/locale";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Roadbook", template: "%s · Roadbook" },
  description: "Take machine-learning use cases from proof of concept to production.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang="en">
      <body>
        <Providers locale={locale}>{children}</Providers>
      </body>
    </html>
  );
}
