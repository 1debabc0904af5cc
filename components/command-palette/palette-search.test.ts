import { describe, expect, it } from "vitest";
import { matchesQuery } from "./palette-search";

describe("the command palette's match", () => {
  it("finds a text that holds every word of the query, in any order and case", () => {
    expect(matchesQuery("Admin: Users", "users ADMIN")).toBe(true);
    expect(matchesQuery("Request the G2 review of UC-12", "g2 req")).toBe(true);
  });

  it("refuses a text that lacks one word", () => {
    expect(matchesQuery("Admin: Users", "admin webhooks")).toBe(false);
    expect(matchesQuery("Dashboard", "board x")).toBe(false);
  });

  it("keeps everything for an empty or blank query", () => {
    expect(matchesQuery("Dashboard", "")).toBe(true);
    expect(matchesQuery("Dashboard", "   ")).toBe(true);
  });
});
