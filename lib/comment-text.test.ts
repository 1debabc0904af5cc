import { describe, expect, it } from "vitest";
import { commentSegments, insertMention, mentionedNames, mentionQueryAt } from "./comment-text";

describe("commentSegments", () => {
  it("links http(s) addresses, leaving the sentence's punctuation out", () => {
    expect(commentSegments("See https://wiki.example.com/poc?x=1, and (http://a.example/b_(c)).")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://wiki.example.com/poc?x=1", href: "https://wiki.example.com/poc?x=1" },
      { kind: "text", text: ", and (" },
      { kind: "link", text: "http://a.example/b_(c)", href: "http://a.example/b_(c)" },
      { kind: "text", text: ")." },
    ]);
  });

  it("never links javascript:, data: or other schemes", () => {
    for (const body of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "ftp://files.example.com/x",
      "xhttps://evil.example.com",
      "https://",
    ]) {
      const segments = commentSegments(body);
      expect(
        segments.some((segment) => segment.kind === "link"),
        body,
      ).toBe(false);
      expect(segments).toEqual([{ kind: "text", text: body }]);
    }
  });

  it("links only the http(s) part when another scheme wraps it", () => {
    const links = commentSegments("javascript:https://example.com/x").filter((s) => s.kind === "link");
    expect(links).toEqual([{ kind: "link", text: "https://example.com/x", href: "https://example.com/x" }]);
  });

  it("keeps markup as text", () => {
    expect(commentSegments("<script>alert(1)</script> <img src=x onerror=alert(1)>")).toEqual([
      { kind: "text", text: "<script>alert(1)</script> <img src=x onerror=alert(1)>" },
    ]);
    expect(commentSegments('https://example.com/"><script>')).toEqual([
      { kind: "link", text: "https://example.com/", href: "https://example.com/" },
      { kind: "text", text: '"><script>' },
    ]);
  });

  it("finds mentions of the given names, the longest first, not inside words or emails", () => {
    const names = ["Ann", "Ann Lee", "Bob Stone"];
    expect(commentSegments("@Ann Lee and @Ann, ask @Bob Stone. mail ann@Ann.example @Annie @Carol", names)).toEqual([
      { kind: "mention", text: "@Ann Lee", name: "Ann Lee" },
      { kind: "text", text: " and " },
      { kind: "mention", text: "@Ann", name: "Ann" },
      { kind: "text", text: ", ask " },
      { kind: "mention", text: "@Bob Stone", name: "Bob Stone" },
      { kind: "text", text: ". mail ann@Ann.example @Annie @Carol" },
    ]);
    expect(mentionedNames("Thanks @Ann Lee!", names)).toEqual(new Set(["Ann Lee"]));
    expect(mentionedNames("Ann Lee, no at sign", names)).toEqual(new Set());
  });

  it("keeps line breaks as break segments", () => {
    expect(commentSegments("one\ntwo\r\n\r\nthree @Ann", ["Ann"])).toEqual([
      { kind: "text", text: "one" },
      { kind: "break" },
      { kind: "text", text: "two" },
      { kind: "break" },
      { kind: "break" },
      { kind: "text", text: "three " },
      { kind: "mention", text: "@Ann", name: "Ann" },
    ]);
  });
});

describe("the mention being typed", () => {
  it("is the letters after an @ that starts a word, up to the caret", () => {
    expect(mentionQueryAt("Hi @Ad", 6)).toEqual({ start: 3, query: "Ad" });
    expect(mentionQueryAt("@Ada Lo", 7)).toEqual({ start: 0, query: "Ada Lo" });
    expect(mentionQueryAt("Hi @Ad and more", 6)).toEqual({ start: 3, query: "Ad" });
    expect(mentionQueryAt("Hi @", 4)).toBeNull();
    expect(mentionQueryAt("Hi @1", 5)).toBeNull();
    expect(mentionQueryAt("mail me@ada", 11)).toBeNull();
    expect(mentionQueryAt("Hi @Ada ", 8)).toBeNull();
  });

  it("is replaced by @Full Name (and a space when none follows), the caret after it", () => {
    expect(insertMention("Hi @Ad", 3, 6, "Ada Lovelace")).toEqual({ text: "Hi @Ada Lovelace ", caret: 17 });
    expect(insertMention("Hi @Ad, see", 3, 6, "Ada Lovelace")).toEqual({ text: "Hi @Ada Lovelace, see", caret: 16 });
    expect(insertMention("Hi @Ad see", 3, 6, "Ada Lovelace")).toEqual({ text: "Hi @Ada Lovelace see", caret: 16 });
  });
});
