import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";

// Templates are global: this file edits them on a database of its own.
const own = withOwnDatabase("templates");

describe("checklist templates", () => {
  it("are versioned: new use cases get the new version, running checklists keep theirs; answered items only retire", async () => {
    const db = own.db();
    const { listTemplates, updateTemplate } = await import("./manage-templates");
    const { ensureTemplate, instantiateChecklist } = await import("./templates");
    const { updateChecklistItem } = await import("./update-checklist-item");
    const { DomainError } = await import("../errors");
    const admin = await makeUser(db, { role: "ADMIN" });
    const it_ = await makeUser(db, { role: "IT" });
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });

    const v1 = await ensureTemplate(db, "PROTOTYPE");
    expect(v1.version).toBe(1);
    expect(v1.items.map((i) => i.label)).toEqual([
      "Target architecture defined",
      "Data sources connected",
      "Data treatment and execution automated",
      "Monitoring system deployed",
      "User feedback collected",
    ]);
    const first = await makeUseCase(db, { ownerId: owner.id, stage: "PROTOTYPE" });
    await db.$transaction((tx) => instantiateChecklist(tx, first.id, "PROTOTYPE"));
    const architecture = await db.checklistItem.findFirstOrThrow({
      where: { useCaseId: first.id, itemKey: "architecture" },
    });
    await updateChecklistItem(owner, formatKey(first.number), architecture.id, {
      status: "IN_PROGRESS",
      note: "Drafting",
      version: architecture.version,
    });

    const [prototype] = (await listTemplates(admin)).filter((t) => t.stage === "PROTOTYPE");
    if (!prototype) throw new Error("no prototype template");
    expect(prototype.items.find((i) => i.key === "architecture")?.answered).toBe(true);
    const items = prototype.items.map(({ answered: _a, ...item }) => item);

    // Leaving out an answered item is refused; nothing is saved.
    const without = items.filter((i) => i.key !== "architecture");
    const refused = await updateTemplate(admin, "PROTOTYPE", { expectedVersion: 1, items: without }).catch((e) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused.details.errors[0].message).toMatch(/retire it instead/);
    expect((await ensureTemplate(db, "PROTOTYPE")).version).toBe(1);
    // Non-admins cannot edit templates.
    expect((await updateTemplate(it_, "PROTOTYPE", { expectedVersion: 1, items }).catch((e) => e)).code).toBe(
      "FORBIDDEN",
    );
    // An unanswered item can be deleted; answered ones retired; a new one added.
    const v2 = await updateTemplate(admin, "PROTOTYPE", {
      expectedVersion: 1,
      items: [
        ...items
          .filter((i) => i.key !== "data-sources")
          .map((i) => (i.key === "architecture" ? { ...i, retired: true } : i)),
        { section: "Prototype", label: "Security review done", answerType: "CHOICE", options: ["passed", "waived"] },
      ],
    });
    expect(v2.version).toBe(2);
    expect(v2.items.map((i) => i.key)).toContain("security-review-done");
    // A stale editor gets a conflict.
    expect((await updateTemplate(admin, "PROTOTYPE", { expectedVersion: 1, items }).catch((e) => e)).code).toBe(
      "CONFLICT",
    );
    // A version that is not a whole number is a field error, not a conflict.
    const wrongType = await updateTemplate(admin, "PROTOTYPE", { expectedVersion: "2", items }).catch((e) => e);
    expect([wrongType.code, wrongType.details.errors[0].path]).toEqual(["VALIDATION", "expectedVersion"]);

    const later = await makeUseCase(db, { ownerId: owner.id, stage: "PROTOTYPE" });
    await db.$transaction((tx) => instantiateChecklist(tx, later.id, "PROTOTYPE"));
    const labels = async (useCaseId: string) =>
      (await db.checklistItem.findMany({ where: { useCaseId }, orderBy: { position: "asc" } })).map((i) => i.label);
    expect(await labels(later.id)).toEqual([
      "Data treatment and execution automated",
      "Monitoring system deployed",
      "User feedback collected",
      "Security review done",
    ]);
    expect(await labels(first.id)).toHaveLength(5); // the running checklist keeps version 1
  });
});
