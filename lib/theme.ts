// The colour theme: the user's choice, kept in a cookie so the server renders the right class
// on <html> (no flash). "system" follows the operating system (prefers-color-scheme).
export const THEME_COOKIE = "roadbook-theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}

/** The class of <html> for a theme: none for "system" (the CSS media query decides). */
export function themeClass(theme: Theme): string | undefined {
  return theme === "system" ? undefined : theme;
}
