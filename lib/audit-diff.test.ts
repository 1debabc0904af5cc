import { describe, expect, it } from "vitest";
import { fieldChanges, fieldLabel } from "./audit-diff";

describe("the audit diff", () => {
  it("names fields for people, known ones by their label and the rest from their key", () => {
    expect(fieldLabel("pocResult")).toBe("POC result");
    expect(fieldLabel("runCostPerYear")).toBe("Run cost per year");
    expect(fieldLabel("stop_reason")).toBe("Stop reason");
  });

  it("shows each changed field old → new, with amounts in the event's currency and the reader's locale", () => {
    const changes = fieldChanges(
      { title: "Churn", ebitda: { low: "100000.00", base: "200000.00", high: "300000.00", currency: "EUR" } },
      { title: "Churn radar", ebitda: { low: "150000.00", base: "250000.50", high: "300000.00", currency: "EUR" } },
      "USD",
      "de-DE",
    );
    expect(changes).toEqual([
      { field: "title", label: "Title", kind: "changed", before: "Churn", after: "Churn radar" },
      {
        field: "ebitda",
        label: "EBITDA",
        kind: "changed",
        before: "100.000\u00a0€ – 200.000\u00a0€ – 300.000\u00a0€",
        after: "150.000\u00a0€ – 250.000,50\u00a0€ – 300.000\u00a0€",
      },
    ]);
  });

  it("uses the currency the event records, else the one given; counts and flags are not money", () => {
    const [investment, horizon, notify] = fieldChanges(
      {},
      { investment: "400000.00", horizonYears: 3, emailNotifications: false, currency: "GBP" },
      "EUR",
      "en-GB",
    );
    expect(investment).toMatchObject({ label: "Investment", kind: "added", before: "", after: "£400,000" });
    expect(horizon).toMatchObject({ label: "Horizon (years)", after: "3" });
    expect(notify).toMatchObject({ label: "Email notifications", after: "no" });
    expect(fieldChanges({ amount: "12.50" }, {}, "EUR", "en-GB")).toEqual([
      { field: "amount", label: "Amount", kind: "removed", before: "€12.50", after: "" },
    ]);
  });

  it("diffs a long text by words, keeping what stayed", () => {
    const before = "Score every customer monthly for the risk of closing their accounts within a year.";
    const after = "Score every customer weekly for the risk of closing their accounts within a year.";
    const [summary] = fieldChanges({ summary: before }, { summary: after }, "EUR", "en-GB");
    expect(summary?.words?.filter((part) => part.change !== "same")).toEqual([
      { text: "monthly", change: "removed" },
      { text: "weekly", change: "added" },
    ]);
    // Read back in order, the kept and added parts are the new text; kept and removed, the old.
    const join = (skip: "added" | "removed") =>
      (summary?.words ?? [])
        .filter((p) => p.change !== skip)
        .map((p) => p.text)
        .join("");
    expect(join("removed")).toBe(after);
    expect(join("added")).toBe(before);
  });

  it("shows nothing as a dash, lists as lists, and survives odd shapes", () => {
    expect(fieldChanges({ team: null }, { team: "Retail" }, "EUR", "en-GB")[0]).toMatchObject({
      before: "—",
      after: "Retail",
    });
    expect(
      fieldChanges({}, { evidenceUrls: ["https://a.example", "https://b.example"] }, "EUR", "en-GB")[0],
    ).toMatchObject({
      label: "Evidence links",
      after: "https://a.example, https://b.example",
    });
    expect(fieldChanges(null, "not an object", "EUR", "en-GB")).toEqual([]);
  });
});
