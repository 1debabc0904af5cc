import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { requirePermission } from "./require-permission";

const refusal = (check: () => void) => {
  try {
    check();
  } catch (error) {
    return error;
  }
  return null;
};

describe("requirePermission", () => {
  it("lets through whoever the permission table allows", () => {
    expect(refusal(() => requirePermission({ id: "a", role: "ADMIN" }, "user:manage"))).toBeNull();
    expect(
      refusal(() => requirePermission({ id: "me", role: "DATA_SCIENTIST" }, "use-case:update", { ownerId: "me" })),
    ).toBeNull();
  });

  it("throws FORBIDDEN with the generic message, or the one given", () => {
    const generic = refusal(() => requirePermission({ id: "b", role: "BUSINESS" }, "user:manage"));
    expect(generic).toBeInstanceOf(DomainError);
    expect(generic).toMatchObject({ code: "FORBIDDEN", message: "Your role may not do this." });
    expect(refusal(() => requirePermission(null, "use-case:read"))).toMatchObject({ code: "FORBIDDEN" });
    expect(
      refusal(() => requirePermission({ id: "b", role: "BUSINESS" }, "user:manage", "Only an admin manages users.")),
    ).toMatchObject({ code: "FORBIDDEN", message: "Only an admin manages users." });
  });

  it("checks an own-scoped rule against the record", () => {
    const theirs = { ownerId: "other", sponsorId: "someone" };
    const message = "You may edit only use cases you own or sponsor.";
    expect(
      refusal(() => requirePermission({ id: "me", role: "DATA_SCIENTIST" }, "use-case:update", theirs, message)),
    ).toMatchObject({ code: "FORBIDDEN", message });
    expect(
      refusal(() => requirePermission({ id: "me", role: "DATA_SCIENTIST" }, "use-case:update", undefined, message)),
    ).toMatchObject({ code: "FORBIDDEN", message });
  });
});
