import { describe, expect, it } from "vitest";
import {
  formatMoney,
  formatMoneyShort,
  fromCents,
  isMoney,
  normalizeMoney,
  signedCents,
  toCents,
  totalToCents,
  totalToMoney,
} from "./money";

describe("money", () => {
  it("parses amounts to exact cents", () => {
    expect(toCents("1250000")).toBe(125000000n);
    expect(toCents("0.1")).toBe(10n);
    expect(toCents("9999999999999.99")).toBe(999999999999999n);
  });

  it("refuses what is not a non-negative amount with at most two decimals", () => {
    for (const bad of ["-1", "1.234", "1,000", "1e6", "", " 1", "NaN", "0x10", "12345678901234"]) {
      expect(isMoney(bad), bad).toBe(false);
      expect(() => toCents(bad)).toThrow();
    }
  });

  it("round-trips without floating point error", () => {
    expect(fromCents(toCents("0.1") + toCents("0.2"))).toBe("0.30");
    expect(normalizeMoney("12.5")).toBe("12.50");
    expect(fromCents(-5n)).toBe("-0.05");
  });

  it("formats for display", () => {
    expect(formatMoney("1250000.00", "EUR")).toBe("€1,250,000");
    expect(formatMoney("1250.5", "USD", "en-US")).toBe("$1,250.50");
    expect(formatMoney("-5000.5", "EUR")).toBe("-€5,000.50");
    expect(formatMoney("9999999999999.99", "EUR")).toBe("€9,999,999,999,999.99"); // exact: no float rounding
    // A total may pass one amount's 13 digits (eleven use cases at the maximum): it displays exactly.
    expect(formatMoney("11000000000000.00", "EUR")).toBe("€11,000,000,000,000");
    expect(formatMoney("-10000001800623.99", "EUR")).toBe("-€10,000,001,800,623.99");
    expect(formatMoneyShort("11000000000000.00", "EUR")).toBe("€11tn");
    expect(() => formatMoney("12abc", "EUR")).toThrow();
    expect(formatMoney("1250000.5", "EUR", "de-DE")).toBe("1.250.000,50\u00a0€");
    // The grouping and spacing marks come from the running ICU (fr-CH: narrow no-break spaces on
    // Node 20's, apostrophes on Node 24's): the digits, their grouping and the currency must hold.
    const parts = new Intl.NumberFormat("fr-CH", { style: "currency", currency: "CHF" }).formatToParts(1250000);
    const group = parts.find((part) => part.type === "group")?.value ?? "";
    expect(group).not.toBe("");
    expect(formatMoney("1250000", "CHF", "fr-CH")).toMatch(
      new RegExp(`^1${esc(group)}250${esc(group)}000\\s?CHF$`, "u"),
    );
    expect(formatMoneyShort("1250000.00", "EUR")).toBe("€1.3m");
    expect(formatMoneyShort("1250000.00", "USD", "en-US")).toBe("$1.3M");
    expect(formatMoneyShort("850000", "GBP")).toBe("£850k");
    expect(formatMoneyShort(null, "EUR")).toBe("—");
  });
});

const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("parseAmountInput", () => {
  it("accepts thousands separators and decimal commas, and leaves the rest to the schema", async () => {
    const { parseAmountInput } = await import("./money");
    expect(parseAmountInput("1,250,000")).toBe("1250000");
    expect(parseAmountInput("1,250,000.50")).toBe("1250000.50");
    expect(parseAmountInput("1 250 000,50")).toBe("1250000.50");
    expect(parseAmountInput("1.250.000,5")).toBe("1250000.5");
    expect(parseAmountInput("1'250'000")).toBe("1250000");
    expect(parseAmountInput(" 980000 ")).toBe("980000");
    expect(parseAmountInput("-12,000")).toBe("-12000");
    expect(parseAmountInput("12,5")).toBe("12.5");
    expect(parseAmountInput("1,25,000")).toBe("1,25,000");
    expect(parseAmountInput("abc")).toBe("abc");
  });
});

describe("pickLocale", () => {
  it("takes the first supported language of Accept-Language, else en-GB", async () => {
    const { pickLocale } = await import("./locale");
    expect(pickLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(pickLocale("fr-CH, fr;q=0.9")).toBe("fr-CH");
    expect(pickLocale("*")).toBe("en-GB");
    expect(pickLocale(null)).toBe("en-GB");
    expect(pickLocale("<script>")).toBe("en-GB");
  });
});

describe("totalToCents", () => {
  it("reads a SQL sum past one amount's maximum, signed, to the cent", () => {
    // Two costs at the 10^13 maximum sum to 15 digits: one amount's pattern refuses it, a total must not.
    expect(() => toCents("19999999999999.98")).toThrow();
    expect(totalToCents("19999999999999.98")).toBe(1999999999999998n);
    expect(totalToCents("-10000001800623.9")).toBe(-1000000180062390n);
    expect(totalToCents("0")).toBe(0n);
    expect(fromCents(totalToCents("-0.05"))).toBe("-0.05");
  });
  it("refuses what is not a number", () => {
    for (const bad of ["", "1e5", "1.234", "--1", "1,5", " 1"]) expect(() => totalToCents(bad)).toThrow();
  });
});

describe("signed amounts", () => {
  it("reads an amount with an optional minus, within an amount's digits", () => {
    expect(signedCents("-120000.5")).toBe(-12000050n);
    expect(signedCents("0.05")).toBe(5n);
    for (const bad of ["", "--1", "-", "1.234", "12345678901234"]) expect(() => signedCents(bad)).toThrow();
  });

  it("turns a SQL sum into a two-decimal amount, 0.00 for no rows", () => {
    expect(totalToMoney(null)).toBe("0.00");
    expect(totalToMoney("-10000001800623.9")).toBe("-10000001800623.90");
  });
});
