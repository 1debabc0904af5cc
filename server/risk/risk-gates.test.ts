// The gates follow the risk, on PostgreSQL: a tier raised after a gate re-opens what the new
// tier asks (packaging items, approval, model card, severe risks) and adds the risk officer to
// G3's deciders; the model card and the register are versioned; an accepted risk needs a
// rationale from BUSINESS or RISK.
import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { MODEL_CARD_FIELD_IDS } from "@/lib/model-card";
import { makeUseCase, makeUser, satisfyGateCriteria } from "@/prisma/seed/factories";
import { domainFailure } from "@/test-support/domain-failure";
import { signOffChecklist } from "../checklists/sign-off-checklist";
import { db } from "../db";
import type { DomainError } from "../errors";
import { decideGate } from "../gates/decide-gate";
import { getGateOverview } from "../gates/gate-overview";
import { loadGateFacts } from "../gates/load-gate-facts";
import { requestGateReview } from "../gates/request-gate-review";
import { listReviewInbox } from "../gates/review-inbox";
import { getModelCard } from "./get-model-card";
import { listRisks } from "./list-risks";
import { reviewAssessment } from "./review-assessment";
import { createRisk, updateRisk } from "./save-risk";
import { submitAssessment } from "./submit-assessment";
import { updateAssessment } from "./update-assessment";
import { updateModelCard } from "./update-model-card";

const failure = domainFailure;

const MINIMAL = {
  prohibitedPractices: ["none"],
  annexIIIAreas: ["none"],
  safetyComponent: false,
  interactsWithPeople: false,
  generatesContent: false,
  personalData: true,
  affectedPeople: "Retail customers applying for a loan.",
  humanOversight: "in-the-loop",
};
const CREDIT_SCORING = { ...MINIMAL, annexIIIAreas: ["essential-services"] };
const FULL_CARD = Object.fromEntries(MODEL_CARD_FIELD_IDS.map((id) => [id, `The ${id} of the credit model.`]));

async function people() {
  return {
    owner: await makeUser(db, { role: "DATA_SCIENTIST" }),
    sponsor: await makeUser(db, { role: "BUSINESS" }),
    business: await makeUser(db, { role: "BUSINESS" }),
    it: await makeUser(db, { role: "IT" }),
    risk: await makeUser(db, { role: "RISK" }),
  };
}

describe("gates that follow the risk", () => {
  it("a tier raised after G2 re-opens G3: tier items, approval, model card; the risk officer decides G3 too", async () => {
    const p = await people();
    const row = await makeUseCase(db, {
      ownerId: p.owner.id,
      sponsorId: p.sponsor.id,
      stage: "PACKAGING",
      riskTier: null,
    });
    const key = formatKey(row.number);
    await updateAssessment(p.owner, key, { answers: MINIMAL, version: 0 });
    await submitAssessment(p.owner, key, {});
    const approvedMinimal = await reviewAssessment(p.risk, key, {
      decision: "APPROVE",
      rationale: "Nothing in Annex III.",
    });
    // G2 passed under the minimal tier, a while ago.
    await db.gateReview.create({
      data: {
        useCaseId: row.id,
        fromStage: "PROTOTYPE",
        toStage: "PACKAGING",
        status: "DECIDED",
        decision: "GO",
        requestedById: p.owner.id,
        decidedAt: new Date(Date.now() + 1000),
      },
    });
    await satisfyGateCriteria(db, "G3", { useCaseId: row.id, authorId: p.owner.id, itUserId: p.it.id });
    expect((await getGateOverview(p.owner, key)).tierRaised).toBeNull();
    const itemsBefore = await db.checklistItem.count({ where: { useCaseId: row.id, stage: "PACKAGING" } });

    // The owner changes the answers: credit scoring is high risk.
    const draft = await updateAssessment(p.owner, key, { answers: CREDIT_SCORING, version: approvedMinimal.version });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await submitAssessment(p.owner, key, { version: draft.version });
    const tierItems = await db.checklistItem.findMany({
      where: { useCaseId: row.id, stage: "PACKAGING", itemKey: { startsWith: "tier-high:" } },
    });
    expect(tierItems.map((i) => i.itemKey).sort()).toEqual([
      "tier-high:accuracy-robustness",
      "tier-high:eu-database",
      "tier-high:human-oversight",
      "tier-high:logging",
      "tier-high:technical-documentation",
    ]);
    expect(await db.checklistItem.count({ where: { useCaseId: row.id, stage: "PACKAGING" } })).toBe(itemsBefore + 5);
    expect(await db.checklistSignOff.count({ where: { useCaseId: row.id, voidedAt: null } })).toBe(0);

    const overview = await getGateOverview(p.owner, key);
    expect(overview.next?.deciders).toEqual(["IT", "BUSINESS", "RISK"]);
    expect(overview.tierRaised).toMatchObject({ from: "MINIMAL", to: "HIGH", since: "G2", gate: "G3" });
    expect(overview.tierRaised?.unmet.map((c) => c.id)).toEqual(["riskApproved", "riskModelCard"]);
    const refused = await failure(requestGateReview(p.owner, key, {}));
    expect(refused.details.errors?.map((e) => e.path)).toEqual([
      "packagingChecklist",
      "packagingSignedOff",
      "riskApproved",
      "riskModelCard",
    ]);

    // Fix each: approval, the model card, the tier items, IT's sign-off again.
    await reviewAssessment(p.risk, key, { decision: "APPROVE", rationale: "Annex III, point 5(b)." });
    await updateModelCard(p.owner, key, { ...FULL_CARD, version: 0 });
    await db.checklistItem.updateMany({
      where: { id: { in: tierItems.map((i) => i.id) } },
      data: { status: "DONE", answer: "Documented." },
    });
    await signOffChecklist(p.it, key);
    const review = await requestGateReview(p.owner, key, {});
    expect(review.awaiting).toEqual(["IT", "BUSINESS", "RISK"]);
    expect((await listReviewInbox(p.risk, { q: key })).map((entry) => entry.review.id)).toContain(review.id);

    await decideGate(p.it, review.id, { decision: "GO", rationale: "Operable." });
    const afterBusiness = await decideGate(p.business, review.id, { decision: "GO", rationale: "Worth it." });
    expect(afterBusiness.status).toBe("OPEN");
    expect(afterBusiness.awaiting).toEqual(["RISK"]);
    const decided = await decideGate(p.risk, review.id, { decision: "GO", rationale: "Obligations met." });
    expect(decided).toMatchObject({ status: "DECIDED", decision: "GO" });
    expect((await db.useCase.findUniqueOrThrow({ where: { id: row.id } })).stage).toBe("PRODUCTION");
  });

  it("keeps the risk officer out of the gates their tier does not give them", async () => {
    const p = await people();
    const row = await makeUseCase(db, { ownerId: p.owner.id, stage: "PACKAGING", riskTier: "MINIMAL" });
    const key = formatKey(row.number);
    await satisfyGateCriteria(db, "G3", { useCaseId: row.id, authorId: p.owner.id, itUserId: p.it.id });
    const review = await requestGateReview(p.owner, key, {});
    expect(review.awaiting).toEqual(["IT", "BUSINESS"]);
    expect((await listReviewInbox(p.risk, { q: key })).map((entry) => entry.review.id)).not.toContain(review.id);
    const refusal = await failure(decideGate(p.risk, review.id, { decision: "GO", rationale: "Fine." }));
    expect(refusal.code).toBe("FORBIDDEN");
    expect(refusal.message).toBe("Gate G3 is decided by IT and Business; your role may not decide it.");
  });

  it("holds G2 of a high-risk use case on an open severe risk without mitigation, until mitigated or accepted", async () => {
    const p = await people();
    const row = await makeUseCase(db, {
      ownerId: p.owner.id,
      sponsorId: p.sponsor.id,
      stage: "PROTOTYPE",
      riskTier: "HIGH",
    });
    const key = formatKey(row.number);
    await db.riskAssessment.create({
      data: { useCaseId: row.id, templateVersion: 1, answers: CREDIT_SCORING, tier: "HIGH", status: "APPROVED" },
    });
    await updateModelCard(p.owner, key, { ...FULL_CARD, version: 0 });
    const severe = await createRisk(p.owner, key, {
      title: "Proxy discrimination through postcode",
      category: "BIAS_FAIRNESS",
      likelihood: 4,
      impact: 4,
    });
    await createRisk(p.owner, key, { title: "Data drift", category: "ROBUSTNESS", likelihood: 2, impact: 3 });
    expect(severe).toMatchObject({ score: 16, status: "OPEN", mitigation: "", acceptedBy: null });
    expect((await loadGateFacts(row)).risk).toMatchObject({ modelCardMissing: [], unmitigatedSevere: 1 });
    expect((await listRisks(p.owner, key)).map((r) => r.score)).toEqual([16, 6]);

    // Only BUSINESS (owner or sponsor) or RISK accepts, and always with a rationale.
    expect(
      (
        await failure(
          updateRisk(p.owner, key, severe.id, { status: "ACCEPTED", acceptanceRationale: "Ok.", version: 1 }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await failure(
          updateRisk(p.business, key, severe.id, { status: "ACCEPTED", acceptanceRationale: "Ok.", version: 1 }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const noRationale = await failure(updateRisk(p.risk, key, severe.id, { status: "ACCEPTED", version: 1 }));
    expect(noRationale.details.errors).toEqual([
      { path: "acceptanceRationale", message: "Say why the risk is accepted: an accepted risk needs a rationale." },
    ]);
    expect((await failure(updateRisk(p.it, key, severe.id, { mitigation: "x", version: 1 }))).code).toBe("FORBIDDEN");

    // Two editors from the same version: one wins, the other gets the risk as it is now.
    const [a, b] = await Promise.allSettled([
      updateRisk(p.risk, key, severe.id, {
        status: "ACCEPTED",
        acceptanceRationale: "Within appetite: reviewed monthly.",
        version: 1,
      }),
      updateRisk(p.owner, key, severe.id, { mitigation: "Postcode removed from the features.", version: 1 }),
    ]);
    const won = [a, b].filter((r) => r.status === "fulfilled");
    const lost = [a, b].flatMap((r) => (r.status === "rejected" ? [r.reason as DomainError] : []));
    expect(won).toHaveLength(1);
    expect(lost.map((e) => e.code)).toEqual(["CONFLICT"]);
    expect(lost[0]?.details.current).toMatchObject({ id: severe.id, version: 2 });
    expect((await loadGateFacts(row)).risk.unmitigatedSevere).toBe(0);
    const accepted = await db.useCaseRisk.findUniqueOrThrow({ where: { id: severe.id } });
    if (accepted.status === "ACCEPTED") expect(accepted.acceptedById).toBe(p.risk.id);
    expect(await db.auditEvent.count({ where: { entity: "UseCaseRisk", entityId: severe.id } })).toBe(2);
  });

  it("writes the model card from the version read: the owner only, a stale write gets the card as it is", async () => {
    const p = await people();
    const row = await makeUseCase(db, { ownerId: p.owner.id, riskTier: "HIGH" });
    const key = formatKey(row.number);
    expect(await getModelCard(p.it, key)).toMatchObject({ version: 0, intendedUse: "", riskTier: "HIGH" });
    const first = await updateModelCard(p.owner, key, { intendedUse: "Set credit limits.", version: 0 });
    expect(first.version).toBe(1);
    expect(first.missingForHigh).not.toContain("Intended use");
    const stale = await failure(updateModelCard(p.owner, key, { monitoring: "Drift weekly.", version: 0 }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details.current).toMatchObject({ version: 1, intendedUse: "Set credit limits." });
    expect((await failure(updateModelCard(p.it, key, { monitoring: "x", version: 1 }))).code).toBe("FORBIDDEN");
    const second = await updateModelCard(p.owner, key, { monitoring: "Drift weekly.", version: 1 });
    expect(second).toMatchObject({ version: 2, intendedUse: "Set credit limits.", monitoring: "Drift weekly." });
    expect(second.updatedBy?.id).toBe(p.owner.id);
  });

  it("tells webhooks that a tier was assigned and a screening reviewed", async () => {
    const p = await people();
    const admin = await makeUser(db, { role: "ADMIN" });
    const hook = await db.webhook.create({
      data: {
        url: "http://127.0.0.1:9/risk",
        events: ["risk.tier_assigned", "risk.assessment_reviewed"],
        secret: "enc:unused",
        createdById: admin.id,
      },
    });
    const row = await makeUseCase(db, { ownerId: p.owner.id, riskTier: null });
    const key = formatKey(row.number);
    await updateAssessment(p.owner, key, { answers: CREDIT_SCORING, version: 0 });
    await submitAssessment(p.owner, key, {});
    await reviewAssessment(p.risk, key, { decision: "REQUEST_CHANGES", rationale: "Say who oversees it." });
    const deliveries = await db.webhookDelivery.findMany({
      where: { webhookId: hook.id },
      orderBy: { createdAt: "asc" },
    });
    expect(deliveries.map((d) => d.payload)).toEqual([
      expect.objectContaining({
        event: "risk.tier_assigned",
        data: expect.objectContaining({ useCase: { key, title: row.title }, tier: "HIGH", previousTier: null }),
      }),
      expect.objectContaining({
        event: "risk.assessment_reviewed",
        data: expect.objectContaining({ decision: "REQUEST_CHANGES", status: "CHANGES_REQUESTED", tier: "HIGH" }),
      }),
    ]);
    await db.webhook.delete({ where: { id: hook.id } });
  });
});
