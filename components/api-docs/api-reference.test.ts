// The server-rendered reference's markup, as the browser gets it: what the e2e test and screen
// readers rely on (anchors that exist, one heading level at a time, the Endpoints region).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/server/openapi/document";
import { documentOperations } from "@/server/openapi/reference-view";
import { ApiReference } from "./api-reference";

const document = openApiDocument();
const html = renderToStaticMarkup(createElement(ApiReference, { document }));
const text = (fragment: string) => fragment.replace(/<[^>]+>/g, "");

describe("the API reference page body", () => {
  it("links only to anchors that exist, and every id is unique", () => {
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const targets = [...html.matchAll(/ href="#([^"]+)"/g)].map((match) => match[1]);
    expect(targets.length).toBeGreaterThan(documentOperations(document).length);
    for (const target of targets) expect(ids, `#${target}`).toContain(target);
  });

  it("renders each operation once, in a section of the Endpoints region, with method and path", () => {
    const endpoints = html.slice(html.indexOf('<section aria-label="Endpoints"'));
    expect(endpoints).not.toBe(html);
    // The line under each operation's heading: its method badge and path.
    const lines = [...endpoints.matchAll(/<header[^>]*><h3[^>]*>.*?<\/h3><p[^>]*>(.*?)<\/p>/g)].map((match) =>
      text(match[1] ?? ""),
    );
    expect(lines.sort()).toEqual(documentOperations(document).sort());
    expect(endpoints).toMatch(/<section id="listUseCases"[^>]*><header[^>]*><h3[^>]*>List use cases<\/h3>/);
  });

  it("never skips a heading level (the page's h1 comes before)", () => {
    const levels = [1, ...[...html.matchAll(/<h([1-6])/g)].map((match) => Number(match[1]))];
    levels.forEach((level, index) => {
      if (index > 0) expect(level - (levels[index - 1] ?? 1), `heading ${index}`).toBeLessThanOrEqual(1);
    });
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
  });

  it("needs no script and offers curl instead of a request console", () => {
    expect(html).not.toContain("<script");
    expect(html).toContain("curl -H &quot;Authorization: Bearer $ROADBOOK_TOKEN&quot;");
    expect(html).toContain('href="/api/v1/openapi.json"');
  });
});
