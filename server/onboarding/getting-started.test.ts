import { describe, expect, it } from "vitest";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { dismissGettingStarted, getGettingStarted } from "./getting-started";

describe("the getting-started checklist", () => {
  it("is an admin's only: other roles get none and may not dismiss it", async () => {
    for (const role of ["BUSINESS", "DATA_SCIENTIST", "IT"] as const) {
      const user = await makeUser(db, { role });
      expect(await getGettingStarted(user)).toBeNull();
      const refusal = await dismissGettingStarted(user).catch((e) => e);
      expect(refusal.code).toBe("FORBIDDEN");
      const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(row.guideDismissedAt).toBeNull();
    }
  });

  it("lists the five steps, each linking to its page, and ticks them from the data", async () => {
    const admin = await makeUser(db, { role: "ADMIN" });
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    await makeUseCase(db, { ownerId: owner.id });
    const guide = await getGettingStarted(admin);
    expect(guide?.steps.map((s) => [s.id, s.href])).toEqual([
      ["people", "/admin/users"],
      ["use-cases", "/use-cases/new"],
      ["settings", "/admin/settings"],
      ["service", "/services"],
      ["api-token", "/settings/tokens"],
    ]);
    const done = Object.fromEntries(guide?.steps.map((s) => [s.id, s.done]) ?? []);
    // Another user and a use case exist now, whoever made them.
    expect(done.people).toBe(true);
    expect(done["use-cases"]).toBe(true);
    expect(guide?.done).toBe(guide?.steps.filter((s) => s.done).length);
  });

  it("stays dismissed for the admin who hid it, and only for them", async () => {
    const admin = await makeUser(db, { role: "ADMIN" });
    const other = await makeUser(db, { role: "ADMIN" });
    expect((await getGettingStarted(admin))?.dismissed).toBe(false);
    await dismissGettingStarted(admin);
    expect((await getGettingStarted(admin))?.dismissed).toBe(true);
    expect((await getGettingStarted(other))?.dismissed).toBe(false);
  });
});
