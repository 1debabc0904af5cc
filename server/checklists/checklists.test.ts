import { describe, expect, it } from "vitest";
import { evaluateCriteria, formatKey, gateOutOf, type Role } from "@/lib/lifecycle";
import { makeChecklist, makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { loadGateFacts } from "../gates/load-gate-facts";
import { getChecklist } from "./get-checklist";
import { signOffChecklist } from "./sign-off-checklist";
import { updateChecklistItem } from "./update-checklist-item";

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${error}`);
  return error;
}

async function packaging() {
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const it_ = await makeUser(db, { role: "IT" });
  const row = await makeUseCase(db, { ownerId: owner.id, stage: "PACKAGING" });
  await makeChecklist(db, { useCaseId: row.id, stage: "PACKAGING" });
  const key = formatKey(row.number);
  const items = (await getChecklist(owner, key)).items;
  const item = (k: string) => {
    const found = items.find((i) => i.label.startsWith(k));
    if (!found) throw new Error(k);
    return found;
  };
  return { owner, it: it_, row, key, items, item };
}

/** Close every item the way a person would: answer what needs an answer. */
async function completeAll(actor: { id: string; role: Role }, key: string) {
  for (const i of (await getChecklist(actor, key)).items) {
    await updateChecklistItem(actor, key, i.id, {
      status: "DONE",
      answer: i.answerType === "CHOICE" ? i.options[0] : i.answerType === "TEXT" ? "Documented" : null,
      version: i.version,
    });
  }
}

describe("checklists against PostgreSQL", () => {
  it("enforce answers, reasons, links and versions per item, and record each change", async () => {
    const { owner, key, item, items } = await packaging();
    const paths = async (id: string, input: object) =>
      (
        await failure(
          updateChecklistItem(owner, key, id, { ...input, version: items.find((i) => i.id === id)?.version }),
        )
      ).details.errors?.map((e) => e.path);
    expect(await paths(item("Programming").id, { status: "DONE" })).toEqual(["answer"]);
    expect(await paths(item("Infrastructure").id, { status: "DONE", answer: "mainframe" })).toEqual(["answer"]);
    expect(await paths(item("CI/CD").id, { status: "NOT_APPLICABLE" })).toEqual(["note"]);
    expect(await paths(item("CI/CD").id, { status: "IN_PROGRESS", evidenceUrl: "ftp://x" })).toEqual(["evidenceUrl"]);
    expect(await paths(item("CI/CD").id, { status: "SOMEDAY" })).toEqual(["status"]);

    const infra = item("Infrastructure");
    const saved = await updateChecklistItem(owner, key, infra.id, {
      status: "DONE",
      answer: "hybrid",
      evidenceUrl: "https://wiki.example.com/infra",
      version: infra.version,
    });
    expect(saved.items.find((i) => i.id === infra.id)).toMatchObject({
      status: "DONE",
      answer: "hybrid",
      version: infra.version + 1,
      updatedBy: { id: owner.id },
    });
    const stale = await failure(updateChecklistItem(owner, key, infra.id, { status: "TODO", version: infra.version }));
    expect(stale.code).toBe("CONFLICT");
    expect(await db.auditEvent.count({ where: { entityId: infra.id, action: "checklist.update" } })).toBe(1);
  });

  it("lets the owner, IT and admins edit; business and other data scientists only read", async () => {
    const { key, item, it: itUser } = await packaging();
    const business = await makeUser(db, { role: "BUSINESS" });
    const stranger = await makeUser(db, { role: "DATA_SCIENTIST" });
    const admin = await makeUser(db, { role: "ADMIN" });
    const { id, version } = item("CI/CD");
    expect((await failure(updateChecklistItem(business, key, id, { status: "IN_PROGRESS", version }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(updateChecklistItem(stranger, key, id, { status: "IN_PROGRESS", version }))).code).toBe(
      "FORBIDDEN",
    );
    await updateChecklistItem(itUser, key, id, { status: "IN_PROGRESS", version });
    await updateChecklistItem(admin, key, id, { status: "TODO", version: version + 1 });
    expect((await getChecklist(business, key)).items.length).toBe(8);
  });

  it("signs off only a complete checklist, only by IT; a later change voids the sign-off, visibly", async () => {
    const { owner, it: itUser, row, key } = await packaging();
    const business = await makeUser(db, { role: "BUSINESS" });
    const incomplete = await failure(signOffChecklist(itUser, key));
    expect(incomplete.code).toBe("CONFLICT");
    expect(incomplete.details.errors).toHaveLength(8);
    await completeAll(itUser, key);
    expect((await failure(signOffChecklist(owner, key))).code).toBe("FORBIDDEN");
    expect((await failure(signOffChecklist(business, key))).code).toBe("FORBIDDEN");
    const signed = await signOffChecklist(itUser, key);
    expect(signed.signedOff).toMatchObject({ by: { id: itUser.id } });
    expect((await failure(signOffChecklist(itUser, key))).code).toBe("CONFLICT");
    const g3 = gateOutOf("PACKAGING");
    if (!g3) throw new Error("G3");
    const criterion = async () =>
      evaluateCriteria(g3, await loadGateFacts(await db.useCase.findUniqueOrThrow({ where: { id: row.id } }))).find(
        (c) => c.id === "packagingSignedOff",
      )?.met;
    expect(await criterion()).toBe(true);

    const tests = signed.items.find((i) => i.label.startsWith("Test strategy"));
    if (!tests) throw new Error("tests item");
    const after = await updateChecklistItem(owner, key, tests.id, {
      status: "DONE",
      answer: "Unit and integration",
      version: tests.version,
    });
    expect(after.signedOff).toBeNull();
    expect(after.voidedSignOffs).toEqual([
      expect.objectContaining({
        by: expect.objectContaining({ id: itUser.id }),
        voidedBy: expect.objectContaining({ id: owner.id }),
      }),
    ]);
    expect(await criterion()).toBe(false);
    expect((await signOffChecklist(itUser, key)).signedOff).not.toBeNull();
    expect(await criterion()).toBe(true);
  });

  it("closes a stage's checklist once the use case has left the stage", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const row = await makeUseCase(db, { ownerId: owner.id, stage: "PACKAGING" });
    await makeChecklist(db, { useCaseId: row.id, stage: "PROTOTYPE", status: "DONE" });
    const key = formatKey(row.number);
    const [first] = (await getChecklist(owner, key, "PROTOTYPE")).items;
    if (!first) throw new Error("no item");
    expect(
      (await failure(updateChecklistItem(owner, key, first.id, { status: "TODO", version: first.version }))).code,
    ).toBe("CONFLICT");
    expect((await failure(getChecklist(owner, key, "POC"))).code).toBe("VALIDATION");
  });
});
