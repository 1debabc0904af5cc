// The server-rendered reference's markup, as the browser gets it: what the e2e test and screen
// readers rely on (links to pages and anchors that exist, one heading level at a time, the
// Endpoints region), for the overview and every tag's page.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/server/openapi/document";
import { documentOperations, referenceView } from "@/server/openapi/reference-view";
import { ApiOverview } from "./api-overview";
import { ApiTagReference } from "./api-tag-reference";

const document = openApiDocument();
const { groups } = referenceView(document);
const overview = renderToStaticMarkup(createElement(ApiOverview, { document }));
const tagPages = new Map(
  groups.map((group) => [
    `/api-docs/${group.slug}`,
    renderToStaticMarkup(createElement(ApiTagReference, { groups, group })),
  ]),
);
const pages = new Map([["/api-docs", overview], ...tagPages]);
const text = (fragment: string) => fragment.replace(/<[^>]+>/g, "");
const ids = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1] ?? "");

describe("the API reference's pages", () => {
  it("link only to pages and anchors that exist, and every id on a page is unique", () => {
    let links = 0;
    for (const [path, html] of pages) {
      expect(new Set(ids(html)).size, path).toBe(ids(html).length);
      for (const [, href] of html.matchAll(/ href="([^"]+)"/g)) {
        if (!href?.startsWith("/api-docs") && !href?.startsWith("#")) continue;
        links++;
        const [target = path, anchor] = href.startsWith("#") ? [path, href.slice(1)] : href.split("#");
        expect(pages.has(target), `${path} links to ${href}`).toBe(true);
        if (anchor) expect(ids(pages.get(target) ?? ""), `${path} links to ${href}`).toContain(anchor);
      }
    }
    // The overview links to every operation, and each tag page to each of its own.
    expect(links).toBeGreaterThan(2 * documentOperations(document).length);
  });

  it("render each operation once, on its tag's page, in the Endpoints region, with method and path", () => {
    const lines = [...tagPages.values()].flatMap((html) => {
      const endpoints = html.slice(html.indexOf('<section aria-labelledby="api-endpoints"'));
      expect(endpoints).not.toBe(html);
      // The line under each operation's heading: its method badge and path.
      return [...endpoints.matchAll(/<header[^>]*><h3[^>]*>.*?<\/h3><p[^>]*>(.*?)<\/p>/g)].map((match) =>
        text(match[1] ?? ""),
      );
    });
    expect(lines.sort()).toEqual(documentOperations(document).sort());
    expect(tagPages.get("/api-docs/use-cases")).toMatch(
      /<section id="listUseCases"[^>]*><header[^>]*><h3[^>]*>List use cases<\/h3>/,
    );
  });

  it("never skip a heading level (each page's h1 comes before)", () => {
    for (const [path, html] of pages) {
      const levels = [1, ...[...html.matchAll(/<h([1-6])/g)].map((match) => Number(match[1]))];
      levels.forEach((level, index) => {
        if (index > 0) expect(level - (levels[index - 1] ?? 1), `${path}, heading ${index}`).toBeLessThanOrEqual(1);
      });
      expect(
        levels.filter((level) => level === 1),
        path,
      ).toHaveLength(1);
    }
  });

  it("mark the current tag in the sections list", () => {
    const html = tagPages.get("/api-docs/audit") ?? "";
    expect(html).toMatch(/<a href="\/api-docs\/audit" aria-current="page"/);
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
  });

  it("need no script and offer curl instead of a request console", () => {
    for (const html of pages.values()) expect(html).not.toContain("<script");
    expect(overview).toContain("curl -H &quot;Authorization: Bearer $ROADBOOK_TOKEN&quot;");
    expect(overview).toContain('href="/api/v1/openapi.json"');
  });

  it("keep each page small: a tag's page is a fraction of what the one long page was", () => {
    // The single page was about 750 kB; the largest tag (use cases) is the bound that matters.
    for (const [path, html] of pages) expect(html.length, path).toBeLessThan(250_000);
  });
});
