// How dates read in the UI, in the user's locale: "26 Nov 2026" (en-GB), "Nov 26, 2026" (en-US),
// "26.11.2026" (de-DE), "26 nov. 2026" (fr-FR), with the time when asked. Always in UTC, so
// the server and the browser render the same text (no hydration mismatch).
import { DEFAULT_LOCALE } from "./money";

export function formatDay(iso: string, locale: string = DEFAULT_LOCALE): string {
  return new Date(iso).toLocaleDateString(locale, { dateStyle: "medium", timeZone: "UTC" });
}

export function formatDateTime(iso: string, locale: string = DEFAULT_LOCALE): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
}

/** The full date and time, for a tooltip: "Thursday 26 November 2026 at 15:53 UTC". */
export function formatFullDateTime(iso: string, locale: string = DEFAULT_LOCALE): string {
  return new Date(iso).toLocaleString(locale, {
    dateStyle: "full",
    timeStyle: "long",
    timeZone: "UTC",
  });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 days ago", "vor 3 Tagen", "il y a 3 jours"; "now" under a minute. */
export function formatRelative(iso: string, now: Date, locale: string = DEFAULT_LOCALE): string {
  const diff = new Date(iso).getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return format.format(Math.trunc(diff / ms), unit);
  return format.format(0, "second");
}
