import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/lifecycle";
import { makeUser } from "@/prisma/seed/factories";
import { domainFailure } from "@/test-support/domain-failure";
import { db } from "../db";
import {
  createView,
  deleteView,
  getView,
  landingView,
  listViews,
  myListColumns,
  setMyListColumns,
  updateView,
} from "./saved-views";

// Saved views of the use-case list: who sees and changes them, unique names, versions, the landing view.
const user = async (role: Role) => {
  const row = await makeUser(db, { role });
  return { id: row.id, role };
};
const events = (entityId: string) => db.auditEvent.findMany({ where: { entityId }, orderBy: { at: "asc" } });

describe("saved views", () => {
  it("creates a personal view with the query normalised and the required columns, visible to its owner only", async () => {
    const owner = await user("DATA_SCIENTIST");
    const other = await user("BUSINESS");
    const view = await createView(owner, {
      name: "My POCs",
      query: "?stage=POC&page=2&view=x&sort=value&q=",
      columns: ["stage", "owner"],
    });
    expect(view).toMatchObject({ name: "My POCs", shared: false, mine: true, isDefault: false, version: 1 });
    expect(view.query).toBe("sort=value&stage=POC");
    expect(view.columns).toEqual(["key", "title", "stage", "owner"]);
    expect(view.href).toBe(`/use-cases?sort=value&stage=POC&view=${view.id}`);
    expect((await listViews(owner)).map((v) => v.id)).toContain(view.id);
    expect((await listViews(other)).map((v) => v.id)).not.toContain(view.id);
    expect((await domainFailure(getView(other, view.id))).code).toBe("NOT_FOUND");
    expect((await domainFailure(updateView(other, view.id, { version: 1, default: true }))).code).toBe("NOT_FOUND");
    expect((await domainFailure(deleteView(other, view.id))).code).toBe("NOT_FOUND");
    expect((await events(view.id)).map((e) => e.action)).toEqual(["view.create"]);
  });

  it("lets only ADMIN and BUSINESS share; a shared view everyone reads, only its owner changes", async () => {
    for (const role of ["DATA_SCIENTIST", "IT", "RISK"] as const) {
      const refused = await user(role);
      const error = await domainFailure(createView(refused, { name: "Shared", shared: true }));
      expect(error.code).toBe("FORBIDDEN");
      expect(await db.savedView.count({ where: { ownerId: refused.id } })).toBe(0);
      const personal = await createView(refused, { name: "Mine" });
      expect((await domainFailure(updateView(refused, personal.id, { version: 1, shared: true }))).code).toBe(
        "FORBIDDEN",
      );
    }
    const admin = await user("ADMIN");
    expect((await createView(admin, { name: "Admin's", shared: true })).shared).toBe(true);
    const business = await user("BUSINESS");
    const shared = await createView(business, { name: "Funding candidates", shared: true, query: "sort=priority" });
    const reader = await user("IT");
    const seen = (await listViews(reader)).find((v) => v.id === shared.id);
    expect(seen).toMatchObject({ mine: false, shared: true, owner: { id: business.id } });
    expect((await domainFailure(updateView(reader, shared.id, { version: 1, name: "Mine now" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await domainFailure(deleteView(reader, shared.id))).code).toBe("FORBIDDEN");
    expect((await getView(reader, shared.id)).name).toBe("Funding candidates");
  });

  it("keeps names unique per owner, as a field error on the name", async () => {
    const owner = await user("BUSINESS");
    const first = await createView(owner, { name: "Q3 review" });
    const error = await domainFailure(createView(owner, { name: "Q3 review" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.details.errors).toEqual([{ path: "name", message: expect.stringContaining("already have a view") }]);
    const second = await createView(owner, { name: "Other" });
    expect(
      (await domainFailure(updateView(owner, second.id, { version: second.version, name: "Q3 review" }))).details
        .errors?.[0]?.path,
    ).toBe("name");
    // Another owner may use the same name.
    expect((await createView(await user("BUSINESS"), { name: "Q3 review" })).name).toBe("Q3 review");
    expect(first.name).toBe("Q3 review");
  });

  it("writes with the version it read: a stale edit is a CONFLICT with the view as it is now", async () => {
    const owner = await user("DATA_SCIENTIST");
    const view = await createView(owner, { name: "Versioned", query: "stage=POC" });
    const renamed = await updateView(owner, view.id, { version: view.version, name: "Renamed" });
    expect(renamed).toMatchObject({ name: "Renamed", version: 2 });
    const stale = await domainFailure(updateView(owner, view.id, { version: view.version, query: "stage=PRODUCTION" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details.current).toMatchObject({ name: "Renamed", version: 2, query: "stage=POC" });
    const updated = await updateView(owner, view.id, {
      version: 2,
      query: "status=ACTIVE&stage=PRODUCTION",
      columns: ["value"],
    });
    expect(updated).toMatchObject({ query: "stage=PRODUCTION&status=ACTIVE", columns: ["key", "title", "value"] });
    expect((await domainFailure(updateView(owner, view.id, { name: "No version" }))).code).toBe("VALIDATION");
    expect((await domainFailure(updateView(owner, view.id, { version: 1, default: true }))).code).toBe("CONFLICT");
    expect((await events(view.id)).map((e) => e.action)).toEqual(["view.create", "view.update", "view.update"]);
    await deleteView(owner, view.id);
    expect(await db.savedView.findUnique({ where: { id: view.id } })).toBeNull();
    expect((await events(view.id)).at(-1)?.action).toBe("view.delete");
  });

  it("lands on the default view, one's own or a shared one, until it is cleared, deleted or unshared", async () => {
    const business = await user("BUSINESS");
    const shared = await createView(business, { name: "Landing", shared: true, query: "stage=POC" });
    const reader = await user("RISK");
    expect(await landingView(reader)).toBeNull();
    const set = await updateView(reader, shared.id, { version: shared.version, default: true });
    expect(set.isDefault).toBe(true);
    expect((await landingView(reader))?.id).toBe(shared.id);
    // Unshared: the reader no longer sees it, and lands on all use cases.
    await updateView(business, shared.id, { version: shared.version, shared: false });
    expect(await landingView(reader)).toBeNull();
    await updateView(business, shared.id, { version: shared.version + 1, shared: true });
    expect((await landingView(reader))?.id).toBe(shared.id);
    expect((await updateView(reader, shared.id, { version: shared.version + 2, default: false })).isDefault).toBe(
      false,
    );
    expect(await landingView(reader)).toBeNull();
    // Deleting the view clears the default of whoever landed on it.
    await updateView(reader, shared.id, { version: shared.version + 2, default: true });
    await deleteView(business, shared.id);
    expect(await landingView(reader)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).defaultViewId).toBeNull();
  });

  it("remembers the user's own columns, the required ones always in", async () => {
    const someone = await user("IT");
    expect(await myListColumns(someone)).toContain("priority");
    expect(await setMyListColumns(someone, { columns: ["stage"] })).toEqual(["key", "title", "stage"]);
    expect(await myListColumns(someone)).toEqual(["key", "title", "stage"]);
    expect((await domainFailure(setMyListColumns(someone, { columns: ["nope"] }))).code).toBe("VALIDATION");
  });
});
