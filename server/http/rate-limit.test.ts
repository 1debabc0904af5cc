import { describe, expect, it } from "vitest";
import { parseServerEnv } from "../env";
import { rateLimitWarning } from "./rate-limit";

describe("the per-token rate limit's start-up warning", () => {
  it("says so when ROADBOOK_API_RATE_LIMIT=0 turns the limit off", () => {
    expect(rateLimitWarning(0)).toMatch(/ROADBOOK_API_RATE_LIMIT=0 turns the per-token API rate limit off/);
  });

  it("stops the start when the value is unreadable (no default taken silently)", () => {
    const base = { DATABASE_URL: "postgresql://localhost/x", NEXTAUTH_SECRET: "x".repeat(32) };
    for (const raw of ["lots", "-5"])
      expect(() => parseServerEnv({ ...base, ROADBOOK_API_RATE_LIMIT: raw })).toThrow(
        `ROADBOOK_API_RATE_LIMIT=${JSON.stringify(raw)} is invalid; expected a number of requests per minute`,
      );
  });

  it("says nothing for the default or a real limit", () => {
    const base = { DATABASE_URL: "postgresql://localhost/x", NEXTAUTH_SECRET: "x".repeat(32) };
    expect(rateLimitWarning(parseServerEnv(base).ROADBOOK_API_RATE_LIMIT)).toBeNull();
    expect(
      rateLimitWarning(parseServerEnv({ ...base, ROADBOOK_API_RATE_LIMIT: "" }).ROADBOOK_API_RATE_LIMIT),
    ).toBeNull();
    expect(rateLimitWarning(120)).toBeNull();
  });
});
