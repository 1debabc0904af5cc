import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeDecidableUseCase, makeUseCase, makeUser, satisfyGateCriteria } from "@/prisma/seed/factories";
import { updateChecklistItem } from "../checklists/update-checklist-item";
import { db } from "../db";
import { DomainError } from "../errors";
import { listNotifications } from "../notifications/list-notifications";
import { deleteService } from "../services/services";
import { getUseCase } from "../use-cases/get-use-case";
import { closeCondition } from "./close-condition";
import { sendConditionReminders } from "./condition-reminders";
import { decideGate } from "./decide-gate";
import { getGateOverview } from "./gate-overview";
import { listGates } from "./list-gates";
import { reopenUseCase } from "./reopen-use-case";
import { requestGateReview } from "./request-gate-review";
import { countInboxEntries, listReviewInbox } from "./review-inbox";

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${error}`);
  return error;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const go = { decision: "GO", rationale: "The evidence holds." };

/** A use case whose G1 criteria are met, with its owner, a sponsor and one decider per role. */
async function setup(stage: "POC" | "PROTOTYPE" | "PACKAGING" = "POC", title?: string) {
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const business = await makeUser(db, { role: "BUSINESS" });
  const it_ = await makeUser(db, { role: "IT" });
  const admin = await makeUser(db, { role: "ADMIN" });
  const row = await makeDecidableUseCase(db, {
    ownerId: owner.id,
    sponsorId: business.id,
    stage,
    ...(title ? { title } : {}),
    itUserId: it_.id,
  });
  const key = formatKey(row.number);
  return { owner, business, it: it_, admin, row, key };
}

describe("gate reviews against PostgreSQL", () => {
  it("refuses a request with unmet criteria, listing each, and writes nothing", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const row = await makeUseCase(db, { ownerId: owner.id, output: "Weekly churn score" });
    const error = await failure(requestGateReview(owner, formatKey(row.number), { note: "Please" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.details.errors?.map((e) => e.path)).toEqual(["outcome", "benefitArea", "ebitdaRange", "pocResult"]);
    expect(await db.gateReview.count({ where: { useCaseId: row.id } })).toBe(0);
  });

  it("the inbox pages oldest first and finds a review by its use case's key or title", async () => {
    const business = await makeUser(db, { role: "BUSINESS" });
    const admin = await makeUser(db, { role: "ADMIN" });
    const tag = `Inbox paging ${Date.now()}`;
    const keys: string[] = [];
    for (const n of [1, 2, 3]) {
      const { owner, key } = await setup("POC", `${tag} ${n}`);
      await requestGateReview(owner, key, { note: `Request ${n}` });
      keys.push(key);
    }
    const titles = async (query: { q?: string; offset?: number; limit?: number }, actor = business) =>
      (await listReviewInbox(actor, query)).map((entry) => entry.useCase.title);
    expect(await titles({ q: tag.toUpperCase() })).toEqual([`${tag} 1`, `${tag} 2`, `${tag} 3`]);
    expect(await titles({ q: tag, limit: 2 })).toEqual([`${tag} 1`, `${tag} 2`]);
    expect(await titles({ q: tag, offset: 2, limit: 2 })).toEqual([`${tag} 3`]);
    expect(await titles({ q: keys[1] })).toEqual([`${tag} 2`]);
    expect(await countInboxEntries(business, tag)).toBe(3);
    // An admin follows every open review; a data scientist decides none.
    expect(await titles({ q: tag }, admin)).toHaveLength(3);
    expect(await countInboxEntries(await makeUser(db, { role: "DATA_SCIENTIST" }), tag)).toBe(0);
  });

  it("G1: the owner requests, business decides GO, and the stage moves with a snapshot, a checklist and notifications", async () => {
    const { owner, business, row, key } = await setup();
    const review = await requestGateReview(owner, key, {
      note: "POC done",
      evidenceUrls: ["https://wiki.example.com/poc"],
    });
    expect(review).toMatchObject({
      gate: "G1",
      status: "OPEN",
      fromStage: "POC",
      toStage: "PROTOTYPE",
      awaiting: ["BUSINESS"],
    });
    expect((await listNotifications(business)).some((n) => n.kind === "REVIEW_WAITING" && n.title.includes(key))).toBe(
      true,
    );
    expect((await listReviewInbox(business, { q: key })).map((entry) => entry.review.id)).toContain(review.id);

    const decided = await decideGate(business, review.id, go);
    expect(decided).toMatchObject({ status: "DECIDED", decision: "GO", decidedBy: { id: business.id }, awaiting: [] });
    expect(decided.estimateSnapshot?.ebitda).toEqual({
      low: "500000.00",
      base: "900000.00",
      high: "1400000.00",
      currency: "EUR",
    });
    const after = await getUseCase(owner, key);
    expect(after).toMatchObject({ stage: "PROTOTYPE", status: "ACTIVE", version: row.version + 1 });
    expect(await db.checklistItem.count({ where: { useCaseId: row.id, stage: "PROTOTYPE" } })).toBe(5);
    expect((await listNotifications(owner)).some((n) => n.kind === "REVIEW_DECIDED")).toBe(true);
    const actions = (await db.auditEvent.findMany({ where: { actorId: { in: [owner.id, business.id] } } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["gate.request", "gate.vote", "gate.decide", "use-case.stage"]));
    expect((await listReviewInbox(business, { q: key })).map((entry) => entry.review.id)).not.toContain(review.id);
  });

  it("allows one open review per use case, even for simultaneous requests", async () => {
    const { owner, row, key } = await setup();
    const results = await Promise.allSettled([requestGateReview(owner, key, {}), requestGateReview(owner, key, {})]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason.code).toBe("CONFLICT");
    expect(await db.gateReview.count({ where: { useCaseId: row.id, status: "OPEN" } })).toBe(1);
  });

  it("only the owner or an admin requests; only the gate's deciders decide; never the requester", async () => {
    const { owner, business, it: itUser, admin, key } = await setup();
    const stranger = await makeUser(db, { role: "DATA_SCIENTIST" });
    expect((await failure(requestGateReview(stranger, key, {}))).code).toBe("FORBIDDEN");
    expect((await failure(requestGateReview(business, key, {}))).code).toBe("FORBIDDEN");
    const review = await requestGateReview(owner, key, {});
    for (const actor of [itUser, admin, owner, stranger]) {
      expect((await failure(decideGate(actor, review.id, go))).code).toBe("FORBIDDEN");
    }
    // The requester changed role since: still may not decide their own request.
    await db.user.update({ where: { id: owner.id }, data: { role: "BUSINESS" } });
    expect((await failure(decideGate({ ...owner, role: "BUSINESS" }, review.id, go))).code).toBe("FORBIDDEN");
    expect(await db.gateVote.count({ where: { reviewId: review.id } })).toBe(0);
    expect((await failure(decideGate(business, "no-such-review", go))).code).toBe("NOT_FOUND");
  });

  it("validates decisions: conditions, revisit date, stop reason, active condition owners", async () => {
    const { owner, business, key } = await setup();
    const review = await requestGateReview(owner, key, {});
    const paths = async (input: unknown) =>
      (await failure(decideGate(business, review.id, input))).details.errors?.map((e) => e.path);
    expect(await paths({ decision: "CONDITIONAL_GO", rationale: "ok" })).toEqual(["conditions"]);
    expect(await paths({ decision: "PAUSE", rationale: "wait" })).toEqual(["revisitOn"]);
    expect(await paths({ decision: "STOP", rationale: "no" })).toEqual(["stopReason"]);
    expect(await paths({ decision: "GO", rationale: "" })).toEqual(["rationale"]);
    expect(await paths({ decision: "GO", rationale: "x", extra: 1 })).toEqual([""]);
    const gone = await makeUser(db, { role: "IT", active: false });
    expect(
      await paths({
        decision: "CONDITIONAL_GO",
        rationale: "ok",
        conditions: [{ text: "Monitoring", ownerId: gone.id, dueOn: inDays(30) }],
      }),
    ).toEqual(["conditions.0.ownerId"]);
    expect(await db.gateVote.count({ where: { reviewId: review.id } })).toBe(0);
  });

  it("a second decision on a decided review is a conflict", async () => {
    const { owner, business, key } = await setup();
    const other = await makeUser(db, { role: "BUSINESS" });
    const review = await requestGateReview(owner, key, {});
    await decideGate(business, review.id, go);
    expect((await failure(decideGate(other, review.id, go))).code).toBe("CONFLICT");
    expect(await db.gateVote.count({ where: { reviewId: review.id } })).toBe(1);
  });

  it("simultaneous deciders and a double click give one outcome and one stage transition", async () => {
    const { owner, business, row, key } = await setup();
    const other = await makeUser(db, { role: "BUSINESS" });
    const review = await requestGateReview(owner, key, {});
    const results = await Promise.allSettled([
      decideGate(business, review.id, go),
      decideGate(business, review.id, go),
      decideGate(other, review.id, { decision: "STOP", rationale: "No", stopReason: "NO_VALUE" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason.code).toBe("CONFLICT");
    expect(await db.gateVote.count({ where: { reviewId: review.id } })).toBe(1);
    const now = await db.useCase.findUniqueOrThrow({ where: { id: row.id } });
    expect(now.version).toBe(row.version + 1);
    const outcome = await db.gateReview.findUniqueOrThrow({ where: { id: review.id } });
    expect(outcome.decision === "GO" ? now.stage : now.status).toBe(
      outcome.decision === "GO" ? "PROTOTYPE" : "STOPPED",
    );
  });

  it("G2 needs both business and IT; both at once still move the stage once", async () => {
    const { owner, business, it: itUser, row, key } = await setup("PROTOTYPE");
    const first = await requestGateReview(owner, key, {});
    expect(first.awaiting).toEqual(["BUSINESS", "IT"]);
    const afterBusiness = await decideGate(business, first.id, go);
    expect(afterBusiness).toMatchObject({ status: "OPEN", awaiting: ["IT"] });
    expect((await db.useCase.findUniqueOrThrow({ where: { id: row.id } })).stage).toBe("PROTOTYPE");
    const decided = await decideGate(itUser, first.id, {
      decision: "CONDITIONAL_GO",
      rationale: "Monitoring must cover drift",
      conditions: [{ text: "Add drift alerts", ownerId: owner.id, dueOn: inDays(14) }],
    });
    expect(decided).toMatchObject({ status: "DECIDED", decision: "CONDITIONAL_GO" });
    expect(decided.conditions).toEqual([
      expect.objectContaining({ text: "Add drift alerts", tracked: true, overdue: false }),
    ]);
    expect(decided.estimateSnapshot?.revision?.investment).toBe("400000.00");
    expect((await db.useCase.findUniqueOrThrow({ where: { id: row.id } })).stage).toBe("PACKAGING");

    // Both deciders at the same instant on the next gate.
    await satisfyGateCriteria(db, "G3", { useCaseId: row.id, authorId: owner.id, itUserId: itUser.id });
    const g3 = await requestGateReview(owner, key, {});
    const both = await Promise.allSettled([decideGate(business, g3.id, go), decideGate(itUser, g3.id, go)]);
    expect(both.every((r) => r.status === "fulfilled")).toBe(true);
    const final = await db.useCase.findUniqueOrThrow({ where: { id: row.id } });
    expect(final.stage).toBe("PRODUCTION");
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: "use-case.stage" } })).toBe(2);
    expect((await failure(requestGateReview(owner, key, {}))).message).toMatch(/production/);
  });

  it("G3 cannot pass once its criteria fail after the request: 409 listing them, and the review stays open", async () => {
    const { owner, business, it: itUser, row, key } = await setup("PACKAGING");
    const review = await requestGateReview(owner, key, {});
    await decideGate(business, review.id, go);
    // After the request: a packaging item goes back to TODO (voiding IT's sign-off).
    const item = await db.checklistItem.findFirstOrThrow({ where: { useCaseId: row.id, stage: "PACKAGING" } });
    await updateChecklistItem(owner, key, item.id, { status: "TODO", version: item.version });
    const reopened = await failure(decideGate(itUser, review.id, go));
    expect(reopened.code).toBe("CONFLICT");
    expect(reopened.message).toMatch(/G3 .*no longer met.*stays open/);
    expect(reopened.details.errors?.map((e) => e.path)).toEqual(["packagingChecklist", "packagingSignedOff"]);
    const still = async () => ({
      useCase: await db.useCase.findUniqueOrThrow({ where: { id: row.id } }),
      review: await db.gateReview.findUniqueOrThrow({ where: { id: review.id } }),
      votes: await db.gateVote.count({ where: { reviewId: review.id } }),
    });
    expect(await still()).toMatchObject({ useCase: { stage: "PACKAGING" }, review: { status: "OPEN" }, votes: 1 });

    // Fixed again, then the production service removed: refused for that one alone.
    await updateChecklistItem(owner, key, item.id, { status: "DONE", version: item.version + 1 });
    await db.checklistSignOff.create({ data: { useCaseId: row.id, stage: "PACKAGING", byId: itUser.id } });
    const service = await db.service.findFirstOrThrow({ where: { useCaseId: row.id, environment: "PRODUCTION" } });
    await deleteService(owner, service.id);
    const noService = await failure(decideGate(itUser, review.id, go));
    expect(noService.details.errors?.map((e) => e.path)).toEqual(["productionService"]);
    expect(await still()).toMatchObject({ useCase: { stage: "PACKAGING" }, review: { status: "OPEN" }, votes: 1 });

    // A stop still closes the review: only a passing outcome needs the criteria.
    const stopped = await decideGate(itUser, review.id, { decision: "STOP", rationale: "No", stopReason: "NO_VALUE" });
    expect(stopped).toMatchObject({ status: "DECIDED", decision: "STOP" });
  });

  it("a condition falls due: overdue on the timeline, its owner is told once, and closes it", async () => {
    const { owner, business, it: itUser, key } = await setup("PROTOTYPE");
    const review = await requestGateReview(owner, key, {});
    await decideGate(business, review.id, go);
    const decided = await decideGate(itUser, review.id, {
      decision: "CONDITIONAL_GO",
      rationale: "ok",
      conditions: [{ text: "Write the runbook", ownerId: owner.id, dueOn: inDays(3) }],
    });
    const conditionId = decided.conditions[0]?.id as string;
    await db.gateCondition.update({ where: { id: conditionId }, data: { dueOn: new Date(`${inDays(-2)}T00:00:00Z`) } });
    const [latest] = await listGates(owner, key);
    expect(latest?.conditions[0]?.overdue).toBe(true);
    // The reminder round tells the owner; a second round (or a second replica) tells no one again.
    const due = async () => (await listNotifications(owner)).filter((n) => n.kind === "CONDITION_DUE").length;
    expect(await due()).toBe(0);
    expect(await sendConditionReminders({ only: [conditionId] })).toMatchObject({ due: 1 });
    expect(await sendConditionReminders({ only: [conditionId] })).toMatchObject({ due: 0 });
    expect(await due()).toBe(1);
    expect((await failure(closeCondition(business, conditionId))).code).toBe("FORBIDDEN");
    await closeCondition(owner, conditionId);
    expect((await failure(closeCondition(owner, conditionId))).code).toBe("CONFLICT");
    const [closed] = await listGates(owner, key);
    expect(closed?.conditions[0]).toMatchObject({ overdue: false, closedBy: { id: owner.id } });
  });

  it("PAUSE sets PAUSED; a later request resumes", async () => {
    const { owner, it: itUser, row, key } = await setup("PROTOTYPE");
    const review = await requestGateReview(owner, key, {});
    await decideGate(itUser, review.id, { decision: "PAUSE", rationale: "Budget freeze", revisitOn: inDays(60) });
    expect(await getUseCase(owner, key)).toMatchObject({ status: "PAUSED", stage: "PROTOTYPE" });
    const [paused] = await listGates(owner, key);
    expect(paused).toMatchObject({ decision: "PAUSE", revisitOn: inDays(60), awaiting: [] });
    const again = await requestGateReview(owner, key, { note: "Budget is back" });
    expect(again.status).toBe("OPEN");
    expect(await getUseCase(owner, key)).toMatchObject({ status: "ACTIVE", stage: "PROTOTYPE" });
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: "use-case.resume" } })).toBe(1);
  });

  it("STOP is final unless an admin reopens it, and the reopening is recorded", async () => {
    const { owner, business, admin, row, key } = await setup();
    const review = await requestGateReview(owner, key, {});
    await decideGate(business, review.id, { decision: "STOP", rationale: "Margins too thin", stopReason: "NO_VALUE" });
    expect(await getUseCase(owner, key)).toMatchObject({ status: "STOPPED", stage: "POC" });
    expect((await failure(requestGateReview(owner, key, {}))).code).toBe("CONFLICT");
    expect((await failure(requestGateReview(admin, key, {}))).code).toBe("CONFLICT");
    expect((await failure(reopenUseCase(business, key, { reason: "please" }))).code).toBe("FORBIDDEN");
    expect((await failure(reopenUseCase(admin, key, { reason: "" }))).code).toBe("VALIDATION");
    await reopenUseCase(admin, key, { reason: "New pricing makes it worth it" });
    expect((await failure(reopenUseCase(admin, key, { reason: "again" }))).code).toBe("CONFLICT");
    const overview = await getGateOverview(owner, key);
    expect(overview.reopenings).toEqual([
      expect.objectContaining({ reason: "New pricing makes it worth it", by: admin.name }),
    ]);
    expect(overview.canRequest).toBe(true);
    expect((await requestGateReview(owner, key, {})).status).toBe("OPEN");
    const reopen = await db.auditEvent.findFirstOrThrow({ where: { entityId: row.id, action: "use-case.reopen" } });
    expect(reopen.actorId).toBe(admin.id);
  });
});
