import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { bulkUpdateUseCases } from "./bulk-update-use-cases";
import { listUseCases } from "./list-use-cases";
import { updateUseCase } from "./update-use-case";

let counter = 0;
const marker = () => `bulk${Date.now().toString(36)}${counter++}`;

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.catch((e) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const eventsOf = (ids: string[]) =>
  db.auditEvent.findMany({ where: { entity: "UseCase", action: "use-case.update", entityId: { in: ids } } });

describe("bulk edit of use cases, against PostgreSQL", () => {
  it("lets a data scientist change only their own rows: the others are refused with the reason", async () => {
    const m = marker();
    const scientist = await makeUser(db, { role: "DATA_SCIENTIST" });
    const other = await makeUser(db, { role: "DATA_SCIENTIST" });
    const sponsor = await makeUser(db, { role: "BUSINESS" });
    const mine = await makeUseCase(db, { ownerId: scientist.id, title: `${m} mine` });
    const theirs = await makeUseCase(db, { ownerId: other.id, title: `${m} theirs` });
    const result = await bulkUpdateUseCases(scientist, {
      keys: [formatKey(mine.number), formatKey(theirs.number), "UC-999999999", "nope"],
      set: { sponsorEmail: sponsor.email, addTags: ["Bulk Tag"] },
    });
    expect(result.summary).toEqual({ updated: 1, unchanged: 0, refused: 3, conflict: 0 });
    expect(result.items).toEqual([
      { key: formatKey(mine.number), outcome: "updated", version: 2 },
      { key: formatKey(theirs.number), outcome: "refused", reason: "You may edit only use cases you own or sponsor." },
      { key: "UC-999999999", outcome: "refused", reason: "There is no use case UC-999999999." },
      { key: "nope", outcome: "refused", reason: '"nope" is not a key: keys look like UC-12.' },
    ]);
    expect(await db.useCase.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({
      sponsorId: sponsor.id,
      tags: ["bulk-tag"],
      version: 2,
    });
    expect(await db.useCase.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      sponsorId: null,
      tags: [],
      version: 1,
    });
  });

  it("writes one audit event per changed use case (the changed fields), none for an unchanged one", async () => {
    const m = marker();
    const admin = await makeUser(db, { role: "ADMIN" });
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const a = await makeUseCase(db, { ownerId: owner.id, title: `${m} a`, tags: ["keep", "old"] });
    const b = await makeUseCase(db, { ownerId: owner.id, title: `${m} b`, tags: ["keep"] });
    const c = await makeUseCase(db, {
      ownerId: owner.id,
      title: `${m} c`,
      tags: ["keep", "new"],
      benefitArea: "COST_REDUCTION",
    });
    const result = await bulkUpdateUseCases(admin, {
      filter: { q: m },
      set: { benefitArea: "COST_REDUCTION", addTags: ["new"], removeTags: ["old"] },
    });
    expect(result.items.map((i) => i.outcome)).toEqual(["updated", "updated", "unchanged"]);
    const events = await eventsOf([a.id, b.id, c.id]);
    expect(events).toHaveLength(2);
    const ofA = events.find((e) => e.entityId === a.id);
    expect(ofA).toMatchObject({
      actorId: admin.id,
      useCaseId: a.id,
      before: { benefitArea: null, tags: ["keep", "old"] },
      after: { benefitArea: "COST_REDUCTION", tags: ["keep", "new"] },
    });
  });

  it("reports a stale row as a conflict with its current version and writes the others; nothing is lost", async () => {
    const m = marker();
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const newOwner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const admin = await makeUser(db, { role: "ADMIN" });
    const first = await makeUseCase(db, { ownerId: owner.id, title: `${m} first` });
    const second = await makeUseCase(db, { ownerId: owner.id, title: `${m} second` });
    const [k1, k2] = [formatKey(first.number), formatKey(second.number)];
    // Someone saves the first one after the bulk edit's page was read at version 1.
    await updateUseCase(owner, k1, { version: 1, summary: "Saved meanwhile" });
    const result = await bulkUpdateUseCases(admin, {
      keys: [k1, k2],
      set: { ownerEmail: newOwner.email },
      expectedVersions: { [k1]: 1, [k2]: 1 },
    });
    expect(result.items).toEqual([
      { key: k1, outcome: "conflict", version: 2, reason: expect.stringContaining("version 2") },
      { key: k2, outcome: "updated", version: 2 },
    ]);
    expect(await db.useCase.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      summary: "Saved meanwhile",
      ownerId: owner.id,
      version: 2,
    });
    expect((await db.useCase.findUniqueOrThrow({ where: { id: second.id } })).ownerId).toBe(newOwner.id);
  });

  it("with concurrent saves during the edit: each row ends either bulk-edited or a conflict, never overwritten", async () => {
    const m = marker();
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const admin = await makeUser(db, { role: "ADMIN" });
    const rows: Awaited<ReturnType<typeof makeUseCase>>[] = [];
    for (let i = 0; i < 12; i++) rows.push(await makeUseCase(db, { ownerId: owner.id, title: `${m} ${i}` }));
    const keys = rows.map((r) => formatKey(r.number));
    const [result, ...saves] = await Promise.all([
      bulkUpdateUseCases(admin, { keys, set: { addTags: ["bulk"] } }),
      ...keys.map((key, i) =>
        updateUseCase(owner, key, { version: 1, summary: `concurrent ${i}` }).then(
          () => "saved",
          (e: DomainError) => e.code,
        ),
      ),
    ]);
    const after = await db.useCase.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
    for (const [i, key] of keys.entries()) {
      const row = after.find((r) => r.number === rows[i]?.number);
      const outcome = result.items.find((item) => item.key === key)?.outcome;
      // The single save ran first, second, or lost to the bulk write (then it is the one in conflict).
      if (saves[i] === "saved") expect(row?.summary).toBe(`concurrent ${i}`);
      if (outcome === "updated") expect(row?.tags).toEqual(["bulk"]);
      else {
        expect(outcome).toBe("conflict");
        expect(row?.tags).toEqual([]);
        expect(saves[i]).toBe("saved");
      }
      expect(row?.version).toBe(1 + (saves[i] === "saved" ? 1 : 0) + (outcome === "updated" ? 1 : 0));
    }
  });

  it("refuses what cannot be done with a problem, not a 500: no rows, both, team, an unknown person, IT", async () => {
    const admin = await makeUser(db, { role: "ADMIN" });
    const it_ = await makeUser(db, { role: "IT" });
    expect((await errorOf(bulkUpdateUseCases(admin, { set: { addTags: ["x"] } }))).code).toBe("VALIDATION");
    expect(
      (await errorOf(bulkUpdateUseCases(admin, { keys: ["UC-1"], filter: {}, set: { addTags: ["x"] } }))).code,
    ).toBe("VALIDATION");
    const team = await errorOf(bulkUpdateUseCases(admin, { keys: ["UC-1"], set: { team: "Retail" } }));
    expect(team.details.errors).toContainEqual({ path: "set.team", message: expect.stringContaining("no team") });
    const nothing = await errorOf(bulkUpdateUseCases(admin, { keys: ["UC-1"], set: {} }));
    expect(nothing.details.errors?.[0]?.message).toMatch(/Say what to set/);
    const ghost = await errorOf(
      bulkUpdateUseCases(admin, { keys: ["UC-1"], set: { ownerEmail: "ghost@nowhere.test" } }),
    );
    expect(ghost.details.errors).toEqual([{ path: "set.ownerEmail", message: expect.stringContaining("ghost@") }]);
    const tooMany = await errorOf(
      bulkUpdateUseCases(admin, {
        keys: Array.from({ length: 5001 }, (_, i) => `UC-${i + 1}`),
        set: { addTags: ["x"] },
      }),
    );
    expect(tooMany.details.errors?.[0]).toMatchObject({ path: "keys", message: expect.stringContaining("5000") });
    expect((await errorOf(bulkUpdateUseCases(it_, { keys: ["UC-1"], set: { addTags: ["x"] } }))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("filters the list by tags, all of them", async () => {
    const m = marker();
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    await makeUseCase(db, { ownerId: owner.id, title: `${m} both`, tags: ["churn", "retail"] });
    await makeUseCase(db, { ownerId: owner.id, title: `${m} one`, tags: ["churn"] });
    await makeUseCase(db, { ownerId: owner.id, title: `${m} none` });
    const titles = async (tag: string) =>
      (await listUseCases(owner, { q: m, tag, sort: "title" })).items.map((i) => i.title);
    expect(await titles("churn")).toEqual([`${m} both`, `${m} one`]);
    expect(await titles("Retail,CHURN")).toEqual([`${m} both`]);
    expect(await titles("nothing-has-this")).toEqual([]);
  });
});
