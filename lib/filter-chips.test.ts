import { describe, expect, it } from "vitest";
import { filterChips, hrefWith } from "./filter-chips";

describe("filter chips", () => {
  const labels = {
    stage: { label: "Stage", value: (raw: string) => raw.toLowerCase() },
    q: { label: "Search" },
  };

  it("gives each active filter a link without it, keeping the others and the view, dropping the page", () => {
    const { chips, clearAll } = filterChips(
      "/",
      { stage: "POC", q: "churn", view: "it", page: "3", unrelated: undefined },
      labels,
      ["view"],
    );
    expect(chips).toEqual([
      { name: "stage", label: "Stage", value: "poc", href: "/?view=it&q=churn" },
      { name: "q", label: "Search", value: "churn", href: "/?view=it&stage=POC" },
    ]);
    expect(clearAll).toBe("/?view=it");
  });

  it("has no chip for an empty filter, and clears to the bare page", () => {
    const { chips, clearAll } = filterChips("/use-cases", { stage: "", q: undefined }, labels);
    expect(chips).toEqual([]);
    expect(clearAll).toBe("/use-cases");
    expect(hrefWith("/use-cases", { q: "a b&c" })).toBe("/use-cases?q=a+b%26c");
  });
});
