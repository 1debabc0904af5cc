import { describe, expect, it } from "vitest";
import { ROLES } from "./lifecycle";
import { can, PERMISSIONS } from "./permissions";

const actor = (role: (typeof ROLES)[number]) => ({ id: "me", role });

describe("permission table", () => {
  it("lets data scientists, business and admins create use cases, not IT", () => {
    expect(ROLES.filter((role) => can(actor(role), "use-case:create"))).toEqual([
      "ADMIN",
      "BUSINESS",
      "DATA_SCIENTIST",
    ]);
  });

  it("lets everyone signed in read, and nobody anonymous", () => {
    for (const role of ROLES) expect(can(actor(role), "use-case:read")).toBe(true);
    expect(can(null, "use-case:read")).toBe(false);
  });

  it("scopes edits to own or sponsored use cases, except for admins", () => {
    const mine = { ownerId: "me", sponsorId: null };
    const sponsored = { ownerId: "other", sponsorId: "me" };
    const theirs = { ownerId: "other", sponsorId: "someone" };
    expect(can(actor("DATA_SCIENTIST"), "use-case:update", mine)).toBe(true);
    expect(can(actor("BUSINESS"), "use-case:update", sponsored)).toBe(true);
    expect(can(actor("DATA_SCIENTIST"), "use-case:update", theirs)).toBe(false);
    expect(can(actor("DATA_SCIENTIST"), "use-case:update")).toBe(false);
    expect(can(actor("IT"), "use-case:update", mine)).toBe(false);
    expect(can(actor("ADMIN"), "use-case:update", theirs)).toBe(true);
  });

  it("denies by default: a role missing from a rule is refused", () => {
    for (const [permission, rule] of Object.entries(PERMISSIONS)) {
      for (const role of ROLES) {
        if (!(role in rule))
          expect(can(actor(role), permission as keyof typeof PERMISSIONS, { ownerId: "me" })).toBe(false);
      }
    }
  });

  it("lets the risk officer review screenings, keep risk registers, decide where the tier asks, read, and change nothing else", () => {
    const mine = { ownerId: "me", sponsorId: null };
    const granted = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) =>
      can(actor("RISK"), p, mine),
    );
    expect(granted).toEqual([
      "use-case:read",
      "gate:decide",
      "service:check",
      "feedback:create",
      "comment:create",
      "api-token:manage",
      "assessment:review",
      "risk:manage",
      "risk:accept",
      "delegation:manage-own",
      "view:manage",
    ]);
    expect(ROLES.filter((role) => can(actor(role), "assessment:review"))).toEqual(["RISK"]);
    // Saved views: every role keeps its own; only ADMIN and BUSINESS share them.
    expect(ROLES.filter((role) => can(actor(role), "view:manage"))).toEqual([...ROLES]);
    expect(ROLES.filter((role) => can(actor(role), "view:share"))).toEqual(["ADMIN", "BUSINESS"]);
  });
});
