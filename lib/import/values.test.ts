import { describe, expect, it } from "vitest";
import { amountFromCell, parseBenefitArea, parseStage, parseStatus, textFromCell } from "./values";

describe("import cell values", () => {
  it("reads stages in plain words, by label or code", () => {
    expect(parseStage("Packaging & preparing")).toEqual({ ok: true, value: "PACKAGING" });
    expect(parseStage("packaging and preparing")).toEqual({ ok: true, value: "PACKAGING" });
    expect(parseStage("PRODUCTION")).toEqual({ ok: true, value: "PRODUCTION" });
    expect(parseStage("poc")).toEqual({ ok: true, value: "POC" });
    expect(parseStage("Proof of concept")).toEqual({ ok: true, value: "POC" });
    const wrong = parseStage("Done");
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.message).toContain('"Packaging & preparing"');
  });

  it("reads benefit areas and statuses in plain words", () => {
    expect(parseBenefitArea("cost reduction")).toEqual({ ok: true, value: "COST_REDUCTION" });
    expect(parseBenefitArea("Revenue growth")).toEqual({ ok: true, value: "REVENUE_GROWTH" });
    expect(parseBenefitArea("COST_REDUCTION")).toEqual({ ok: true, value: "COST_REDUCTION" });
    expect(parseBenefitArea("happiness").ok).toBe(false);
    expect(parseStatus("On hold")).toEqual({ ok: true, value: "PAUSED" });
    expect(parseStatus("stopped")).toEqual({ ok: true, value: "STOPPED" });
    expect(parseStatus("maybe").ok).toBe(false);
  });

  it("reads amounts in the locale forms the app accepts, with a currency around them", () => {
    expect(amountFromCell("1250000")).toBe("1250000");
    expect(amountFromCell("1,250,000.50")).toBe("1250000.50");
    expect(amountFromCell("1.250.000,50")).toBe("1250000.50");
    expect(amountFromCell("1 250 000,50")).toBe("1250000.50");
    expect(amountFromCell("1'250'000")).toBe("1250000");
    expect(amountFromCell("€1,200")).toBe("1200");
    expect(amountFromCell("1200 EUR")).toBe("1200");
    // Not an amount: handed on as it is, for the schema to refuse with its message.
    expect(amountFromCell("about a million")).toBe("aboutamillion");
  });

  it("undoes the export's defusing apostrophe only before a formula character", () => {
    expect(textFromCell("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(textFromCell("'-2+3")).toBe("-2+3");
    expect(textFromCell("'quoted'")).toBe("'quoted'");
  });
});
