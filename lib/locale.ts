// The user's locale for numbers and amounts: the first language of Accept-Language that Intl supports.
import { DEFAULT_LOCALE } from "./money";

export function pickLocale(acceptLanguage: string | null | undefined): string {
  const tags = (acceptLanguage ?? "")
    .split(",")
    .map((part) => part.split(";")[0]?.trim() ?? "")
    .filter((tag) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag));
  for (const tag of tags) {
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // an invalid tag: try the next one
    }
  }
  return DEFAULT_LOCALE;
}

/**
 * The languages a user may choose in the profile for dates and amounts (instead of the
 * browser's), each named in itself. The organisation's currency stays the same whatever the choice.
 */
export const LOCALE_CHOICES = [
  { tag: "en-GB", label: "English (United Kingdom)" },
  { tag: "en-US", label: "English (United States)" },
  { tag: "de-DE", label: "Deutsch (Deutschland)" },
  { tag: "de-CH", label: "Deutsch (Schweiz)" },
  { tag: "fr-FR", label: "Français (France)" },
  { tag: "fr-CH", label: "Français (Suisse)" },
  { tag: "es-ES", label: "Español (España)" },
  { tag: "it-IT", label: "Italiano (Italia)" },
  { tag: "nl-NL", label: "Nederlands (Nederland)" },
  { tag: "pt-BR", label: "Português (Brasil)" },
  { tag: "sv-SE", label: "Svenska (Sverige)" },
  { tag: "pl-PL", label: "Polski (Polska)" },
  { tag: "ja-JP", label: "日本語 (日本)" },
] as const;
export type LocaleChoice = (typeof LOCALE_CHOICES)[number]["tag"];
export const LOCALE_TAGS = LOCALE_CHOICES.map((choice) => choice.tag) as [LocaleChoice, ...LocaleChoice[]];

/** The locale in force: the user's choice when there is one, else the browser's (Accept-Language). */
export function effectiveLocale(chosen: string | null | undefined, acceptLanguage: string | null | undefined): string {
  return chosen && (LOCALE_TAGS as readonly string[]).includes(chosen) ? chosen : pickLocale(acceptLanguage);
}
