import { describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { countTitled, errorOf, marker, run, setup } from "./import-test-support";

describe("inviting missing users (ADMIN only)", () => {
  const file = (m: string, owner: string, sponsor: string, extra = "") =>
    [
      "Name;Owner email;Sponsor email",
      `${m} invited owner;${owner};${sponsor}`,
      `${m} invited again;${owner.toUpperCase()};`,
      extra,
    ]
      .filter(Boolean)
      .join("\r\n");

  it("previews 'user will be invited' per row and writes nothing in a dry run", async () => {
    const { admin, sponsor } = await setup();
    const m = marker();
    const owner = `new-owner-${m}@invited.test`;
    const result = await run(admin, file(m, owner, sponsor.email), { dryRun: true, inviteMissingUsers: true });
    expect(result.rows).toEqual([
      { line: 2, action: "create", invites: [{ email: owner, role: "DATA_SCIENTIST" }] },
      { line: 3, action: "create", invites: [{ email: owner, role: "DATA_SCIENTIST" }] },
    ]);
    expect(result.invited).toBe(1);
    expect(await db.user.count({ where: { email: owner } })).toBe(0);
    // Without the flag the unknown email stays an error.
    const plain = await run(admin, file(m, owner, sponsor.email), { dryRun: true });
    expect(plain.rows[0]?.errors?.[0]?.message).toContain("No user has the email");
  });

  it("creates the users inactive in the import's transaction, with an audit event each; they cannot sign in until activated", async () => {
    const { admin } = await setup();
    const m = marker();
    const owner = `owner-${m}@invited.test`;
    const sponsor = `sponsor-${m}@invited.test`;
    const result = await run(admin, file(m, owner, sponsor), { dryRun: false, inviteMissingUsers: true });
    expect(result).toMatchObject({ committed: true, created: 2, invited: 2 });
    const ownerRow = await db.user.findUniqueOrThrow({ where: { email: owner } });
    const sponsorRow = await db.user.findUniqueOrThrow({ where: { email: sponsor } });
    expect(ownerRow).toMatchObject({ role: "DATA_SCIENTIST", active: false, passwordHash: null, awaitingRole: false });
    expect(sponsorRow).toMatchObject({ role: "BUSINESS", active: false });
    const created = await db.useCase.findMany({ where: { title: { contains: m } }, orderBy: { number: "asc" } });
    expect(created.map((u) => u.ownerId)).toEqual([ownerRow.id, ownerRow.id]);
    expect(created[0]?.sponsorId).toBe(sponsorRow.id);
    for (const user of [ownerRow, sponsorRow]) {
      const events = await db.auditEvent.findMany({ where: { entityId: user.id, action: "user.create" } });
      expect(events).toHaveLength(1);
      expect(events[0]?.actorId).toBe(admin.id);
    }
    // Inactive: no session resolves to them (nor a password: none is set) until an admin activates them.
    const { resolveActiveUser } = await import("../auth/current-user");
    expect(await resolveActiveUser(ownerRow.id, ownerRow.sessionVersion)).toBeNull();
    const { updateManagedUser } = await import("../users/manage-users");
    await updateManagedUser(admin, ownerRow.id, { active: true, updatedAt: ownerRow.updatedAt.toISOString() });
    expect(await resolveActiveUser(ownerRow.id, ownerRow.sessionVersion)).not.toBeNull();
  });

  it("stays all or none: an invalid row leaves no invited user behind", async () => {
    const { admin } = await setup();
    const m = marker();
    const owner = `rollback-${m}@invited.test`;
    const text = file(m, owner, "", `${m} bad;${owner};;`).replace(`${m} bad;`, ";");
    const result = await run(admin, text, { dryRun: false, inviteMissingUsers: true });
    expect(result.committed).toBe(false);
    expect(await db.user.count({ where: { email: owner } })).toBe(0);
    expect(await countTitled(m)).toBe(0);

    // With skipInvalid, only the rows written invite: the invalid row's own new person is not created.
    const only = `only-invalid-${m}@invited.test`;
    const mixed = ["Name;Owner email;Stage", `${m} fine;${owner};POC`, `${m} broken;${only};NoSuchStage`].join("\r\n");
    const partial = await run(admin, mixed, { dryRun: false, skipInvalid: true, inviteMissingUsers: true });
    expect(partial).toMatchObject({ committed: true, created: 1, failed: 1, invited: 1 });
    expect(await db.user.count({ where: { email: owner } })).toBe(1);
    expect(await db.user.count({ where: { email: only } })).toBe(0);
  });

  it("is refused to anyone but an admin, with nothing written", async () => {
    const { sponsor } = await setup();
    const m = marker();
    const owner = `refused-${m}@invited.test`;
    for (const role of ["BUSINESS", "DATA_SCIENTIST", "IT"] as const) {
      const actor = role === "BUSINESS" ? sponsor : await makeUser(db, { role });
      const error = await errorOf(run(actor, file(m, owner, ""), { dryRun: false, inviteMissingUsers: true }));
      expect(error.code).toBe("FORBIDDEN");
    }
    expect(await db.user.count({ where: { email: owner } })).toBe(0);
    expect(await countTitled(m)).toBe(0);
  });
});
