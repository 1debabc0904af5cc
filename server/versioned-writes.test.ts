// Every write of a versioned record must say which version it edits: a write without one is a
// 422 naming the field, never a silent "last one wins". Two editors who both omit it: both
// refused, the record and its audit trail untouched. The settings are one row, so this file has
// a database of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeChecklist, makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";
import type { DomainError } from "./errors";

const own = withOwnDatabase("versioned_writes");
let checklists: typeof import("./checklists/update-checklist-item");
let settings: typeof import("./settings/org-settings");
let users: typeof import("./users/manage-users");
let templates: typeof import("./checklists/manage-templates");

beforeAll(async () => {
  checklists = await import("./checklists/update-checklist-item");
  settings = await import("./settings/org-settings");
  users = await import("./users/manage-users");
  templates = await import("./checklists/manage-templates");
});

afterAll(async () => {
  await (await import("./db")).dbPool.end();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure: the write without a version was accepted");
    },
    (error) => error as DomainError,
  );

/** Both editors omit the version at the same moment: both get VALIDATION on `field`. */
async function bothRefused(field: string, writes: [Promise<unknown>, Promise<unknown>]) {
  const refusals = await Promise.all(writes.map(failure));
  for (const refusal of refusals) {
    expect(refusal.code).toBe("VALIDATION");
    expect(refusal.details.errors?.map((e) => e.path)).toContain(field);
  }
}

describe("writes of versioned records require the version they edit", () => {
  it("checklist item: two editors without `version` are both refused; the item is unchanged", async () => {
    const owner = await makeUser(own.db(), { role: "DATA_SCIENTIST" });
    const it_ = await makeUser(own.db(), { role: "IT" });
    const row = await makeUseCase(own.db(), { ownerId: owner.id, stage: "PROTOTYPE" });
    await makeChecklist(own.db(), { useCaseId: row.id, stage: "PROTOTYPE" });
    const item = await own.db().checklistItem.findFirstOrThrow({ where: { useCaseId: row.id, answerType: "NONE" } });
    const key = formatKey(row.number);

    await bothRefused("version", [
      checklists.updateChecklistItem(owner, key, item.id, { status: "IN_PROGRESS", note: "Owner's note" }),
      checklists.updateChecklistItem(it_, key, item.id, { status: "NOT_APPLICABLE", note: "IT's note" }),
    ]);
    const after = await own.db().checklistItem.findUniqueOrThrow({ where: { id: item.id } });
    expect({ status: after.status, note: after.note, version: after.version }).toEqual({
      status: item.status,
      note: item.note,
      version: item.version,
    });
    expect(await own.db().auditEvent.count({ where: { entityId: item.id } })).toBe(0);

    // With the version it goes through, once.
    await checklists.updateChecklistItem(owner, key, item.id, { status: "IN_PROGRESS", version: item.version });
    expect((await own.db().checklistItem.findUniqueOrThrow({ where: { id: item.id } })).version).toBe(item.version + 1);
  });

  it("settings: two admins without `version` are both refused; nothing is saved", async () => {
    const [a, b] = [await makeUser(own.db(), { role: "ADMIN" }), await makeUser(own.db(), { role: "ADMIN" })];
    const before = await settings.getOrgSettings();
    await bothRefused("version", [
      settings.updateOrgSettings(a, { stalledDays: 45 }),
      settings.updateOrgSettings(b, { currency: "USD" }),
    ]);
    expect(await settings.getOrgSettings()).toEqual(before);
    expect(await own.db().auditEvent.count({ where: { action: "settings.update" } })).toBe(0);

    const saved = await settings.updateOrgSettings(a, { stalledDays: 45, version: before.version });
    expect(saved).toMatchObject({ stalledDays: 45, version: before.version + 1 });
  });

  it("checklist template: two admins without `expectedVersion` are both refused; no new version", async () => {
    const [a, b] = [await makeUser(own.db(), { role: "ADMIN" }), await makeUser(own.db(), { role: "ADMIN" })];
    const [read] = (await templates.listTemplates(a)).filter((t) => t.stage === "PACKAGING");
    if (!read) throw new Error("no packaging template");
    const items = read.items.map(({ answered: _answered, ...item }) => item);
    const added = (label: string) => [...items, { section: "Packaging", label, answerType: "NONE" }];
    await bothRefused("expectedVersion", [
      templates.updateTemplate(a, "PACKAGING", { items: added("Pen test booked") }),
      templates.updateTemplate(b, "PACKAGING", { items: added("Runbook written") }),
    ]);
    expect(await own.db().checklistTemplate.count({ where: { stage: "PACKAGING" } })).toBe(1);

    const saved = await templates.updateTemplate(a, "PACKAGING", {
      items: added("Pen test booked"),
      expectedVersion: read.version,
    });
    expect(saved.version).toBe(read.version + 1);
  });

  it("user: two admins without `updatedAt` are both refused, deactivation included; the user is unchanged", async () => {
    const [a, b] = [await makeUser(own.db(), { role: "ADMIN" }), await makeUser(own.db(), { role: "ADMIN" })];
    const user = await makeUser(own.db(), { role: "BUSINESS" });
    const read = await own.db().user.findUniqueOrThrow({ where: { id: user.id } });
    await bothRefused("updatedAt", [
      users.updateManagedUser(a, user.id, { role: "IT" }),
      users.updateManagedUser(b, user.id, { team: "Finance", active: false }),
    ]);
    const after = await own.db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toEqual(read);
    expect(await own.db().auditEvent.count({ where: { entityId: user.id } })).toBe(0);

    const saved = await users.updateManagedUser(a, user.id, { active: false, updatedAt: read.updatedAt.toISOString() });
    expect(saved.active).toBe(false);
  });
});
