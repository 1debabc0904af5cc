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
