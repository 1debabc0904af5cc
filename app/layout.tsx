import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { parseTheme, THEME_COOKIE, themeClass } from "@/lib/theme";
import { getLocale } from "@/server/locale";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Roadbook", template: "%s · Roadbook" },
  description: "Take machine-learning use cases from proof of concept to production.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, cookieStore] = await Promise.all([getLocale(), cookies()]);
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClass(theme)}>
      <body>
        <Providers locale={locale}>{children}</Providers>
      </body>
    </html>
  );
}
