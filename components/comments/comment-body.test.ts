import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentBody } from "./comment-body";

const html = (body: string, mentionNames: string[] = []) =>
  renderToStaticMarkup(createElement(CommentBody, { body, mentionNames }));

describe("CommentBody", () => {
  it("escapes markup, links only http(s), keeps line breaks and highlights mentions", () => {
    const out = html('<img src=x onerror=alert(1)>\njavascript:alert(1) https://example.com/a?b=1&c="2" @Ada Lee', [
      "Ada Lee",
    ]);
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;<br/>javascript:alert(1) ");
    expect(out).toContain(
      '<a href="https://example.com/a?b=1&amp;c=" target="_blank" rel="noopener noreferrer nofollow"',
    );
    expect(out).not.toMatch(/href="javascript/i);
    expect(out).toMatch(/<span class="[^"]*">@Ada Lee<\/span>/);
  });
});
