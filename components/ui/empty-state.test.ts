import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmptyState } from "./empty-state";

describe("EmptyState", () => {
  it("is a muted paragraph on its own", () => {
    expect(renderToStaticMarkup(createElement(EmptyState, null, "No events match."))).toBe(
      '<p class="text-sm text-slate-500">No events match.</p>',
    );
  });

  it("is a dashed box with its title as an h2 and its action under the text", () => {
    const out = renderToStaticMarkup(
      EmptyState({
        title: "No use cases yet",
        action: createElement("a", { href: "/n" }, "Create"),
        children: "Create one.",
      }),
    );
    expect(out).toContain("border-dashed");
    expect(out).toMatch(
      /<h2 [^>]*>No use cases yet<\/h2><p[^>]*>Create one\.<\/p><div [^>]*><a href="\/n">Create<\/a><\/div>/,
    );
  });
});
