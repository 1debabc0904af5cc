import { THEME_COOKIE, THEMES, type Theme, themeClass } from "@/lib/theme";

/** The theme in force: the class the server rendered on <html> (none: the system's). */
export function currentTheme(): Theme {
  return THEMES.find((t) => t !== "system" && document.documentElement.classList.contains(t)) ?? "system";
}

/** Whether the page is dark now, whichever way the theme was chosen. */
export function looksDark(): boolean {
  const theme = currentTheme();
  return theme === "dark" || (theme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
}

/** Switches the theme at once and keeps the choice in the cookie the server renders from. */
export function applyTheme(next: Theme) {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server to render the theme.
  document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  const cls = themeClass(next);
  if (cls) root.classList.add(cls);
}
