import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatFullDateTime, formatRelative } from "./dates";

// Intl puts no-break spaces (U+00A0, or U+202F in newer ICU) in some of these: \s matches both.
const iso = "2026-11-26T15:53:00Z";

describe("dates follow the user's locale", () => {
  it("reads the day the way each locale writes it", () => {
    expect(formatDay(iso, "en-US")).toBe("Nov 26, 2026");
    expect(formatDay(iso, "de-DE")).toBe("26.11.2026");
    expect(formatDay(iso, "fr-FR")).toBe("26 nov. 2026");
    expect(formatDay(iso)).toBe("26 Nov 2026"); // no locale known: en-GB, as before
  });

  it("adds the time, 12-hour in en-US and 24-hour in de-DE and fr-FR, in UTC", () => {
    expect(formatDateTime(iso, "en-US")).toMatch(/^Nov 26, 2026,?\s3:53\sPM$/u);
    expect(formatDateTime(iso, "de-DE")).toMatch(/^26\.11\.2026,?\s15:53$/u);
    expect(formatDateTime(iso, "fr-FR")).toMatch(/^26 nov\. 2026,?\s(à\s)?15:53$/u);
    // Just before midnight UTC is still that day, whatever the machine's zone.
    expect(formatDay("2026-11-26T23:59:00Z", "de-DE")).toBe("26.11.2026");
  });

  it("spells the full date for tooltips", () => {
    expect(formatFullDateTime(iso, "en-US")).toMatch(/^Thursday, November 26, 2026 at 3:53:00\sPM UTC$/u);
    expect(formatFullDateTime(iso, "de-DE")).toMatch(/^Donnerstag, 26\. November 2026 um 15:53:00 UTC$/u);
    expect(formatFullDateTime(iso, "fr-FR")).toMatch(/^jeudi 26 novembre 2026 à 15:53:00 UTC$/u);
  });

  it("says how long ago, in the locale's words", () => {
    const now = new Date("2026-11-29T16:00:00Z");
    expect(formatRelative(iso, now, "en-US")).toBe("3 days ago");
    expect(formatRelative(iso, now, "de-DE")).toBe("vor 3 Tagen");
    expect(formatRelative(iso, now, "fr-FR")).toBe("il y a 3 jours");
    expect(formatRelative("2026-11-29T15:00:00Z", now, "en-US")).toBe("1 hour ago");
    expect(formatRelative("2026-11-29T15:59:30Z", now, "en-US")).toBe("now");
    expect(formatRelative("2026-11-28T15:00:00Z", now, "de-DE")).toBe("gestern");
  });
});
