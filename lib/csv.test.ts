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
    expect(safeText("Plain title")).toBe("Plain title");
  });
});
