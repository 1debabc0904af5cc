import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PageHeader } from "./page-header";

describe("PageHeader", () => {
  it("renders one header with the h1, the description and the actions beside it", () => {
    const out = renderToStaticMarkup(
      createElement(PageHeader, {
        title: "Use cases",
        description: "Every use case.",
        actions: createElement("a", { href: "/x" }, "New"),
      }),
    );
    expect(out).toMatch(/^<header class="[^"]*justify-between[^"]*">/);
    expect(out).toContain('<h1 class="text-2xl font-semibold">Use cases</h1>');
    expect(out).toContain('<p class="max-w-3xl text-sm text-slate-600">Every use case.</p>');
    expect(out).toMatch(/<div class="[^"]*print:hidden[^"]*"><a href="\/x">New<\/a><\/div><\/header>$/);
  });

  it("leaves out what it is not given", () => {
    const out = renderToStaticMarkup(createElement(PageHeader, { title: "Settings", actions: false }));
    expect(out).not.toContain("<p");
    expect(out).not.toContain("print:hidden");
  });
});
