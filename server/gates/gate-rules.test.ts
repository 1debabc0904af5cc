// The gate rules that must refuse: a PAUSE or STOP after a GO still closes the review (the GO
// does not carry the gate), conditions only with a go with conditions, no past due or revisit
// dates, and the sponsor's vote on their own use case as the lifecycle table says.
import { describe, expect, it } from "vitest";
import { formatKey, GATES, gateOutOf } from "@/lib/lifecycle";
import { gateVoteRefusal } from "@/lib/permissions";
import { makeDecidableUseCase, makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { decideGate } from "./decide-gate";
import { requestGateReview } from "./request-gate-review";

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${error}`);
  return error;
}

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const go = { decision: "GO", rationale: "The evidence holds." };

/** A use case in `stage` whose next gate's criteria are met; its owner, sponsor (business) and an IT user. */
async function ready(stage: "POC" | "PROTOTYPE" | "PACKAGING") {
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const business = await makeUser(db, { role: "BUSINESS" });
  const it_ = await makeUser(db, { role: "IT" });
  const row = await makeDecidableUseCase(db, { ownerId: owner.id, sponsorId: business.id, stage, itUserId: it_.id });
  const key = formatKey(row.number);
  const review = await requestGateReview(owner, key, {});
  return { owner, business, it: it_, row, key, review };
}

async function stateOf(useCaseId: string, reviewId: string) {
  const useCase = await db.useCase.findUniqueOrThrow({ where: { id: useCaseId } });
  const review = await db.gateReview.findUniqueOrThrow({ where: { id: reviewId } });
  return {
    stage: useCase.stage,
    status: useCase.status,
    review: review.status,
    decision: review.decision,
    votes: await db.gateVote.count({ where: { reviewId } }),
    conditions: await db.gateCondition.count({ where: { reviewId } }),
  };
}

describe("gate rules that refuse", () => {
  const mixed = [
    { stage: "PROTOTYPE", first: "BUSINESS", second: "STOP", status: "STOPPED" },
    { stage: "PROTOTYPE", first: "BUSINESS", second: "PAUSE", status: "PAUSED" },
    { stage: "PACKAGING", first: "IT", second: "STOP", status: "STOPPED" },
    { stage: "PACKAGING", first: "IT", second: "PAUSE", status: "PAUSED" },
  ] as const;
  for (const c of mixed) {
    it(`${gateOutOf(c.stage)?.id}: GO from ${c.first}, then ${c.second}: the review closes as ${c.second}, the stage stays`, async () => {
      const { business, it: itUser, row, review } = await ready(c.stage);
      const [first, second] = c.first === "BUSINESS" ? [business, itUser] : [itUser, business];
      const afterGo = await decideGate(first, review.id, go);
      expect(afterGo).toMatchObject({ status: "OPEN" });
      const vote =
        c.second === "STOP"
          ? { decision: "STOP", rationale: "Not worth running", stopReason: "NO_VALUE" }
          : { decision: "PAUSE", rationale: "Wait for the new data", revisitOn: inDays(30) };
      const decided = await decideGate(second, review.id, vote);
      expect(decided).toMatchObject({ status: "DECIDED", decision: c.second });
      expect(await stateOf(row.id, review.id)).toEqual({
        stage: c.stage,
        status: c.status,
        review: "DECIDED",
        decision: c.second,
        votes: 2,
        conditions: 0,
      });
      const stored = await db.gateReview.findUniqueOrThrow({ where: { id: review.id } });
      if (c.second === "PAUSE") expect(stored.revisitOn?.toISOString().slice(0, 10)).toBe(inDays(30));
      else expect(stored.stopReason).toBe("NO_VALUE");
      expect(await db.auditEvent.count({ where: { entityId: row.id, action: "use-case.stage" } })).toBe(0);
    });
  }

  it("refuses conditions with a decision other than a go with conditions, and writes nothing", async () => {
    const { business, row, review } = await ready("POC");
    const conditions = [{ text: "Add drift alerts", ownerId: business.id, dueOn: inDays(14) }];
    for (const vote of [
      { decision: "GO", rationale: "Fine" },
      { decision: "PAUSE", rationale: "Later", revisitOn: inDays(30) },
      { decision: "STOP", rationale: "No", stopReason: "NO_VALUE" },
    ]) {
      const refused = await failure(decideGate(business, review.id, { ...vote, conditions }));
      expect(refused.code, vote.decision).toBe("VALIDATION");
      expect(refused.details.errors, vote.decision).toEqual([
        { path: "conditions", message: "Only a go with conditions has conditions." },
      ]);
    }
    expect(await stateOf(row.id, review.id)).toMatchObject({ review: "OPEN", votes: 0, conditions: 0 });
  });

  it("refuses past due dates and past revisit dates, and impossible dates; today is accepted", async () => {
    const { business, row, review } = await ready("POC");
    const conditional = (dueOn: string) => ({
      decision: "CONDITIONAL_GO",
      rationale: "Go, once monitored",
      conditions: [{ text: "Add drift alerts", ownerId: business.id, dueOn }],
    });
    const pause = (revisitOn: string) => ({ decision: "PAUSE", rationale: "Later", revisitOn });
    const cases = [
      { input: conditional(inDays(-3)), path: "conditions.0.dueOn", message: "The due date cannot be in the past." },
      { input: conditional(inDays(-400)), path: "conditions.0.dueOn", message: "The due date cannot be in the past." },
      { input: conditional("2030-02-30"), path: "conditions.0.dueOn", message: "The due date is not a calendar date." },
      { input: pause(inDays(-3)), path: "revisitOn", message: "The revisit date cannot be in the past." },
      { input: pause("2020-01-01"), path: "revisitOn", message: "The revisit date cannot be in the past." },
      { input: pause("2030-13-01"), path: "revisitOn", message: "The revisit date is not a calendar date." },
    ];
    for (const c of cases) {
      const refused = await failure(decideGate(business, review.id, c.input));
      expect(refused.code, JSON.stringify(c.input)).toBe("VALIDATION");
      expect(refused.details.errors, JSON.stringify(c.input)).toEqual([{ path: c.path, message: c.message }]);
    }
    expect(await stateOf(row.id, review.id)).toMatchObject({ review: "OPEN", votes: 0, conditions: 0 });

    // Today is not the past: a condition due today is taken.
    const decided = await decideGate(business, review.id, conditional(inDays(0)));
    expect(decided).toMatchObject({ status: "DECIDED", decision: "CONDITIONAL_GO" });
    expect(await stateOf(row.id, review.id)).toMatchObject({ stage: "PROTOTYPE", conditions: 1 });
  });

  it("policy: a sponsor may decide their own use case's G1, but never a review they requested", async () => {
    // Allowed: the sponsor casts the business vote on their own use case.
    const { business: sponsor, row, review } = await ready("POC");
    expect(row.sponsorId).toBe(sponsor.id);
    expect(await decideGate(sponsor, review.id, go)).toMatchObject({ status: "DECIDED", decision: "GO" });
    expect((await db.useCase.findUniqueOrThrow({ where: { id: row.id } })).stage).toBe("PROTOTYPE");

    // Refused: a business user who sponsors and owns the use case, and requested its review.
    const both = await makeUser(db, { role: "BUSINESS" });
    const own = await makeUseCase(db, {
      ownerId: both.id,
      sponsorId: both.id,
      output: "Churn score",
      outcome: "Keep customers",
      benefitArea: "REVENUE_GROWTH",
      ebitda: { low: "1", base: "2", high: "3" },
      pocResult: "AUC 0.8",
    });
    const admin = await makeUser(db, { role: "ADMIN" });
    // BUSINESS does not request gates: an admin requests on the owner's behalf, then the owner as requester.
    const asAdmin = await requestGateReview(admin, formatKey(own.number), {});
    await db.gateReview.update({ where: { id: asAdmin.id }, data: { requestedById: both.id } });
    const refused = await failure(decideGate(both, asAdmin.id, go));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe("You requested this review, so you cannot decide it.");
    expect(await db.gateVote.count({ where: { reviewId: asAdmin.id } })).toBe(0);
  });

  it("the lifecycle table holds the sponsor policy, and the rule follows it both ways", () => {
    expect(GATES.map((gate) => [gate.id, gate.sponsorMayDecide])).toEqual([
      ["G1", true],
      ["G2", true],
      ["G3", true],
    ]);
    const g1 = gateOutOf("POC");
    if (!g1) throw new Error("G1");
    const sponsor = { id: "sponsor", role: "BUSINESS" as const };
    const review = { requestedById: "owner", sponsorId: "sponsor" };
    expect(gateVoteRefusal(sponsor, g1, review)).toBeNull();
    expect(gateVoteRefusal(sponsor, { ...g1, sponsorMayDecide: false }, review)).toBe("sponsor");
    // Another business user is not the sponsor: allowed either way.
    expect(gateVoteRefusal({ id: "other", role: "BUSINESS" }, { ...g1, sponsorMayDecide: false }, review)).toBeNull();
    expect(gateVoteRefusal({ id: "x", role: "IT" }, g1, review)).toBe("role");
    expect(gateVoteRefusal({ id: "owner", role: "BUSINESS" }, g1, review)).toBe("requester");
  });
});
