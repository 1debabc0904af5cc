import { describe, expect, it } from "vitest";
import { missingHighRiskFields } from "@/lib/model-card";
import { makeUseCase, makeUser, satisfyGateCriteria } from "@/prisma/seed/factories";
import { db } from "../db";
import { loadGateFacts, loadGateFactsOf } from "./load-gate-facts";

const modelCardMissing = missingHighRiskFields(null);

describe("gate facts of many use cases at once", () => {
  it("gives each use case its own facts, in the order asked, as one use case at a time would", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const it_ = await makeUser(db, { role: "IT" });
    const bare = await makeUseCase(db, { ownerId: owner.id, stage: "POC" });
    const prototype = await makeUseCase(db, { ownerId: owner.id, stage: "PROTOTYPE" });
    const packaging = await makeUseCase(db, { ownerId: owner.id, stage: "PACKAGING" });
    await satisfyGateCriteria(db, "G2", { useCaseId: prototype.id, authorId: owner.id });
    await db.feedback.create({
      data: { useCaseId: prototype.id, authorId: owner.id, text: "Second", stage: "PROTOTYPE" },
    });
    await satisfyGateCriteria(db, "G3", { useCaseId: packaging.id, authorId: owner.id, itUserId: it_.id });
    await db.useCase.update({ where: { id: packaging.id }, data: { riskTier: "LIMITED" } });
    await db.riskAssessment.create({
      data: {
        useCaseId: packaging.id,
        templateVersion: 1,
        tier: "LIMITED",
        status: "SUBMITTED",
        answers: { transparencyNotice: "A banner says so." },
      },
    });

    const batch = await loadGateFactsOf([packaging, bare, prototype, bare]);
    const one = await Promise.all([packaging, bare, prototype, bare].map((row) => loadGateFacts(row)));
    expect(batch).toEqual(one);

    const [ofPackaging, ofBare, ofPrototype] = batch;
    expect(ofPrototype?.feedbackCount).toBe(2);
    expect(ofPrototype?.estimateRevisions.PROTOTYPE).toBe(1);
    expect(ofPrototype?.checklist.PROTOTYPE.open).toBe(0);
    expect(ofPrototype?.checklist.PROTOTYPE.total).toBeGreaterThan(0);
    expect(ofBare).toMatchObject({
      feedbackCount: 0,
      estimateRevisions: {},
      productionServices: 0,
      // The factory screens every use case as minimal risk (no screening record).
      risk: { tier: "MINIMAL", status: null, transparencyNotice: false, modelCardMissing, unmitigatedSevere: 0 },
    });
    expect(ofPackaging?.checklist.PACKAGING.signedOff).toBe(true);
    expect(ofPackaging?.productionServices).toBe(1);
    expect(ofPackaging?.risk).toEqual({
      tier: "LIMITED",
      status: "SUBMITTED",
      transparencyNotice: true,
      modelCardMissing,
      unmitigatedSevere: 0,
    });
    expect(ofPackaging?.feedbackCount).toBe(0);
    expect(await loadGateFactsOf([])).toEqual([]);
  });
});
