import { describe, expect, it } from "vitest";
import { isStorableText, unstorableTextPath } from "./storable-text";

describe("storable text", () => {
  it("accepts ordinary and astral text", () => {
    expect(isStorableText("Churn model — ✓ 😀 ü")).toBe(true);
    expect(isStorableText("")).toBe(true);
  });

  it("refuses NUL and lone surrogates", () => {
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("\ud800")).toBe(false);
    expect(isStorableText("x\udc00")).toBe(false);
    expect(isStorableText("\ud83d\ude00\ud83d")).toBe(false);
  });

  it("names the path of the first bad string or key", () => {
    expect(unstorableTextPath({ title: "ok", items: [{ note: "fine" }, { note: "bad\u0000" }] })).toBe("items.1.note");
    expect(unstorableTextPath({ "k\ud800": 1 })).toBe("k\ud800");
    expect(unstorableTextPath("\u0000")).toBe("");
    expect(unstorableTextPath({ a: [1, true, null, "ok"] })).toBeNull();
  });
});
