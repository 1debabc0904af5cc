// IT's sign-off of a checklist stands for exactly the items it saw: any change voids it (IT's own
// included), a save that changes nothing does not, a sign-off racing an edit never stands over
// an open item, and an edit in one stage leaves another stage's sign-off alone.
import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeChecklist, makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { getChecklist } from "./get-checklist";
import { signOffChecklist } from "./sign-off-checklist";
import { updateChecklistItem } from "./update-checklist-item";

/** A packaging checklist, every item done, signed off by IT. */
async function signedOff() {
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const it_ = await makeUser(db, { role: "IT" });
  const row = await makeUseCase(db, { ownerId: owner.id, stage: "PACKAGING" });
  await makeChecklist(db, { useCaseId: row.id, stage: "PACKAGING", status: "DONE", updatedById: owner.id });
  const key = formatKey(row.number);
  const signed = await signOffChecklist(it_, key);
  expect(signed.signedOff).toMatchObject({ by: { id: it_.id } });
  const item = signed.items.find((i) => i.answerType === "TEXT") ?? signed.items[0];
  if (!item) throw new Error("no item");
  return { owner, it: it_, row, key, item };
}

const standing = (useCaseId: string, stage: "PROTOTYPE" | "PACKAGING" = "PACKAGING") =>
  db.checklistSignOff.count({ where: { useCaseId, stage, voidedAt: null } });

/** The item's fields as the editor sends them back, unchanged. */
const asSaved = (item: {
  status: string;
  answer: string | null;
  evidenceUrl: string | null;
  note: string | null;
  owner: { id: string } | null;
  version: number;
}) => ({
  status: item.status,
  answer: item.answer,
  evidenceUrl: item.evidenceUrl,
  note: item.note,
  ownerId: item.owner?.id ?? null,
  version: item.version,
});

describe("checklist sign-off", () => {
  it("is voided by IT's own edit, visibly, naming IT as the one who voided it", async () => {
    const { it: itUser, row, key, item } = await signedOff();
    const after = await updateChecklistItem(itUser, key, item.id, {
      ...asSaved(item),
      note: "IT reworded the handover note",
    });
    expect(after.signedOff).toBeNull();
    expect(after.voidedSignOffs).toEqual([
      expect.objectContaining({
        by: expect.objectContaining({ id: itUser.id }),
        voidedBy: expect.objectContaining({ id: itUser.id }),
      }),
    ]);
    expect(await standing(row.id)).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: "checklist.sign-off.void" } })).toBe(1);
  });

  it("is not voided by a save that changes nothing; such a save writes nothing", async () => {
    const { owner, row, key, item } = await signedOff();
    const same = await updateChecklistItem(owner, key, item.id, asSaved(item));
    expect(same.signedOff).not.toBeNull();
    expect(same.items.find((i) => i.id === item.id)?.version).toBe(item.version);
    expect(await standing(row.id)).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: item.id, action: "checklist.update" } })).toBe(0);
    // Whitespace the server trims away is no change either.
    await updateChecklistItem(owner, key, item.id, { ...asSaved(item), answer: `  ${item.answer ?? ""}  ` });
    expect(await standing(row.id)).toBe(1);
    // Even a no-op save must come from the current version.
    const stale = await updateChecklistItem(owner, key, item.id, { ...asSaved(item), version: item.version + 5 }).catch(
      (e) => e,
    );
    expect(stale.code).toBe("CONFLICT");
  });

  it("racing an edit gives one winner: a sign-off never stands over an open item", async () => {
    for (let round = 0; round < 4; round++) {
      const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
      const it_ = await makeUser(db, { role: "IT" });
      const row = await makeUseCase(db, { ownerId: owner.id, stage: "PACKAGING" });
      await makeChecklist(db, { useCaseId: row.id, stage: "PACKAGING", status: "DONE" });
      const key = formatKey(row.number);
      const [item] = (await getChecklist(owner, key)).items;
      if (!item) throw new Error("no item");
      const [signOff, edit] = await Promise.allSettled([
        signOffChecklist(it_, key),
        updateChecklistItem(owner, key, item.id, { status: "TODO", version: item.version }),
      ]);
      // The edit always lands (nothing else touched the item); the sign-off either came first and
      // was voided by it, or came second and was refused because an item is open.
      expect(edit.status, `round ${round}`).toBe("fulfilled");
      if (signOff.status === "rejected") expect(signOff.reason.code, `round ${round}`).toBe("CONFLICT");
      const open = await db.checklistItem.count({ where: { useCaseId: row.id, stage: "PACKAGING", status: "TODO" } });
      expect(open).toBe(1);
      expect(await standing(row.id), `round ${round}: no standing sign-off over an open item`).toBe(0);
      const all = await db.checklistSignOff.findMany({ where: { useCaseId: row.id } });
      expect(all.length, `round ${round}`).toBe(signOff.status === "fulfilled" ? 1 : 0);
    }
  });

  it("is left alone by an edit in another stage", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const it_ = await makeUser(db, { role: "IT" });
    const row = await makeUseCase(db, { ownerId: owner.id, stage: "PACKAGING" });
    // The prototype's checklist, signed off back then; the use case has moved on to packaging.
    await makeChecklist(db, { useCaseId: row.id, stage: "PROTOTYPE", status: "DONE" });
    await db.checklistSignOff.create({ data: { useCaseId: row.id, stage: "PROTOTYPE", byId: it_.id } });
    await makeChecklist(db, { useCaseId: row.id, stage: "PACKAGING" });
    const key = formatKey(row.number);

    // An edit in the current stage (packaging) does not touch the prototype's sign-off.
    const [packagingItem] = (await getChecklist(owner, key)).items;
    if (!packagingItem) throw new Error("no packaging item");
    await updateChecklistItem(owner, key, packagingItem.id, { status: "IN_PROGRESS", version: packagingItem.version });
    expect(await standing(row.id, "PROTOTYPE")).toBe(1);

    // An edit of the prototype's closed checklist is refused, and voids nothing either.
    const [prototypeItem] = (await getChecklist(owner, key, "PROTOTYPE")).items;
    if (!prototypeItem) throw new Error("no prototype item");
    const refused = await updateChecklistItem(owner, key, prototypeItem.id, {
      status: "TODO",
      version: prototypeItem.version,
    }).catch((e) => e);
    expect(refused.code).toBe("CONFLICT");
    expect(await standing(row.id, "PROTOTYPE")).toBe(1);
  });
});
