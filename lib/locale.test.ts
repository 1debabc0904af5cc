import { describe, expect, it } from "vitest";
import { formatDay } from "./dates";
import { effectiveLocale, LOCALE_CHOICES } from "./locale";

describe("the locale in force", () => {
  it("is the user's choice when there is one, whatever the browser says", () => {
    expect(effectiveLocale("de-DE", "en-US,en;q=0.9")).toBe("de-DE");
    expect(effectiveLocale("fr-CH", null)).toBe("fr-CH");
  });

  it("is the browser's without a choice, or with one that is not offered", () => {
    expect(effectiveLocale(null, "fr-FR,fr;q=0.9")).toBe("fr-FR");
    expect(effectiveLocale(undefined, "en-US")).toBe("en-US");
    expect(effectiveLocale("xx-XX", "en-US")).toBe("en-US");
    expect(effectiveLocale("", null)).toBe("en-GB");
  });

  it("offers only languages this runtime formats in their own way", () => {
    const day = "2026-11-26T15:53:00Z";
    for (const { tag } of LOCALE_CHOICES) expect(Intl.DateTimeFormat.supportedLocalesOf(tag)).toEqual([tag]);
    const written = LOCALE_CHOICES.map(({ tag }) => formatDay(day, tag));
    expect(new Set(written).size).toBeGreaterThan(LOCALE_CHOICES.length / 2);
  });
});
