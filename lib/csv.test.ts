import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { safeText, toCsv } from "./csv";

describe("CSV", () => {
  it("round-trips through a CSV parser: commas, quotes, line breaks, Unicode, empty cells", () => {
    const rows = [
      ["UC-1", 'Churn "early" warning, v2', "1250000.50", ""],
      ["UC-2", "Line one\nline two", "0.00", "Zoë Ørsted — 數據"],
    ];
    const parsed = parse(toCsv(["key", "title", "ebitdaBase", "owner"], rows), { columns: true });
    expect(parsed).toEqual(rows.map(([key, title, ebitdaBase, owner]) => ({ key, title, ebitdaBase, owner })));
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(safeText('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(safeText("@SUM(A1)")).toBe("'@SUM(A1)");
    // Every character a spreadsheet starts a formula with (OWASP's list), not only = and @.
    expect(safeText("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(safeText("-2+3")).toBe("'-2+3");
    expect(safeText("\t=1+1")).toBe("'\t=1+1");
    expect(safeText("\r=1+1")).toBe("'\r=1+1");
    expect(safeText("Plain title")).toBe("Plain title");
  });
});
