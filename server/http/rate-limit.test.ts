import { describe, expect, it } from "vitest";
import { rateLimitWarning } from "./rate-limit";

describe("the per-token rate limit's start-up warning", () => {
  it("says so when ROADBOOK_API_RATE_LIMIT=0 turns the limit off", () => {
    expect(rateLimitWarning("0")).toMatch(/ROADBOOK_API_RATE_LIMIT=0 turns the per-token API rate limit off/);
  });

  it("says so when the value is unreadable and the default applies", () => {
    expect(rateLimitWarning("lots")).toMatch(/not a number of requests per minute; using 600/);
    expect(rateLimitWarning("-5")).toMatch(/using 600/);
  });

  it("says nothing for the default or a real limit", () => {
    expect(rateLimitWarning(undefined)).toBeNull();
    expect(rateLimitWarning("")).toBeNull();
    expect(rateLimitWarning("120")).toBeNull();
  });
});
