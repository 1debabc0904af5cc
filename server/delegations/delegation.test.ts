import { describe, expect, it } from "vitest";
import { formatKey, type Role } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { decideGate } from "../gates/decide-gate";
import { listGates } from "../gates/list-gates";
import { requestGateReview } from "../gates/request-gate-review";
import { endDelegation, listDelegations } from "./admin-delegations";
import { getMyDelegation, setMyDelegation } from "./my-delegation";

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${error}`);
  return error;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const go = { decision: "GO", rationale: "The evidence holds." };

async function g1Review(requester?: { id: string; role: Role }) {
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const row = await makeUseCase(db, {
    ownerId: owner.id,
    output: "Churn probability",
    outcome: "Call the right customers",
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "1", base: "2", high: "3" },
    pocResult: "AUC 0.8",
  });
  const key = formatKey(row.number);
  const review = await requestGateReview(requester ?? owner, key, {});
  return { owner, key, review };
}

describe("out-of-office delegation against PostgreSQL", () => {
  it("sets a delegate of the same role, refuses others, and replaces or ends it (audited)", async () => {
    const away = await makeUser(db, { role: "BUSINESS" });
    const stand = await makeUser(db, { role: "BUSINESS" });
    const it_ = await makeUser(db, { role: "IT" });
    const gone = await makeUser(db, { role: "BUSINESS", active: false });
    for (const [delegateId, message] of [
      [it_.id, /hold your role/],
      [gone.id, /active user/],
      [away.id, /your own delegate/],
    ] as const) {
      const error = await failure(setMyDelegation(away, { delegateId, from: day(0), to: day(3) }));
      expect(error.code).toBe("VALIDATION");
      expect(error.details.errors?.[0]?.message).toMatch(message);
    }
    expect((await failure(setMyDelegation(away, { delegateId: stand.id, from: day(3), to: day(1) }))).code).toBe(
      "VALIDATION",
    );

    const set = await setMyDelegation(away, { delegateId: stand.id, from: day(0), to: day(3) });
    expect(set.delegation).toMatchObject({ delegate: { id: stand.id }, from: day(0), to: day(3), inForce: true });
    expect((await getMyDelegation(stand)).actingFor.map((d) => d.user.id)).toEqual([away.id]);

    const other = await makeUser(db, { role: "BUSINESS" });
    const replaced = await setMyDelegation(away, { delegateId: other.id, from: day(1), to: day(2) });
    expect(replaced.delegation).toMatchObject({ delegate: { id: other.id }, inForce: false });
    expect((await getMyDelegation(stand)).actingFor).toEqual([]);
    expect((await setMyDelegation(away, { delegateId: null })).delegation).toBeNull();
    const actions = await db.auditEvent.findMany({
      where: { actorId: away.id, entity: "Delegation" },
      orderBy: { at: "asc" },
    });
    expect(actions.map((event) => event.action)).toEqual([
      "delegation.set",
      "delegation.end",
      "delegation.set",
      "delegation.end",
    ]);
  });

  it("lets the delegate vote for the absent BUSINESS user, recorded as X for Y", async () => {
    const away = await makeUser(db, { role: "BUSINESS", name: "Yara Away" });
    const stand = await makeUser(db, { role: "BUSINESS", name: "Xavier Stand-in" });
    const { key, review } = await g1Review();
    await setMyDelegation(away, { delegateId: stand.id, from: day(0), to: day(5) });
    await decideGate(stand, review.id, { ...go, onBehalfOf: away.id });
    const [decided] = await listGates(stand, key);
    expect(decided?.decision).toBe("GO");
    expect(decided?.votes).toMatchObject([
      {
        role: "BUSINESS",
        voter: { id: stand.id, name: "Xavier Stand-in" },
        onBehalfOf: { id: away.id, name: "Yara Away" },
      },
    ]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "gate.vote", entityId: review.id } });
    expect(event.after).toMatchObject({ onBehalfOf: away.id });
  });

  it("refuses a vote for someone without a delegation in force, for the requester, and a second vote for the role", async () => {
    const away = await makeUser(db, { role: "IT" });
    const stand = await makeUser(db, { role: "IT" });
    const business = await makeUser(db, { role: "BUSINESS" });
    const businessStand = await makeUser(db, { role: "BUSINESS" });

    // No delegation in force (planned for later): refused, nothing recorded.
    const { review } = await g1Review();
    await setMyDelegation(business, { delegateId: businessStand.id, from: day(2), to: day(5) });
    expect((await failure(decideGate(businessStand, review.id, { ...go, onBehalfOf: business.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await db.gateVote.count({ where: { reviewId: review.id } })).toBe(0);

    // The requester (an admin here) delegated: nobody decides in their place, and the
    // requester never decides as anyone's delegate.
    const admin = await makeUser(db, { role: "ADMIN" });
    const adminStand = await makeUser(db, { role: "ADMIN" });
    await setMyDelegation(admin, { delegateId: adminStand.id, from: day(0), to: day(1) });
    const requested = await g1Review(admin);
    // The requester's stand-in may not decide for them.
    expect((await failure(decideGate(adminStand, requested.review.id, { ...go, onBehalfOf: admin.id }))).code).toBe(
      "FORBIDDEN",
    );
    // Not even through a delegation written past the role check (the requester as delegator).
    const today = new Date(`${day(0)}T00:00:00Z`);
    await db.delegation.create({ data: { userId: admin.id, delegateId: businessStand.id, from: today, to: today } });
    const refusal = await failure(decideGate(businessStand, requested.review.id, { ...go, onBehalfOf: admin.id }));
    expect(refusal.code).toBe("FORBIDDEN");
    expect(await db.gateVote.count({ where: { reviewId: requested.review.id } })).toBe(0);
    await db.delegation.create({ data: { userId: businessStand.id, delegateId: admin.id, from: today, to: today } });
    const asDelegate = await failure(decideGate(admin, requested.review.id, { ...go, onBehalfOf: businessStand.id }));
    expect(asDelegate.code).toBe("FORBIDDEN");
    expect(await db.gateVote.count({ where: { reviewId: requested.review.id } })).toBe(0);

    // One vote per role, whoever casts it: a G2 review where the delegate already voted for IT.
    await setMyDelegation(away, { delegateId: stand.id, from: day(0), to: day(2) });
    const g2 = await g2Review();
    await decideGate(stand, g2.review.id, { ...go, onBehalfOf: away.id });
    const twice = await failure(decideGate(stand, g2.review.id, go));
    expect(twice.code).toBe("CONFLICT");
    expect(await db.gateVote.count({ where: { reviewId: g2.review.id } })).toBe(1);
  });

  it("shows every current delegation to an admin only, who can end one (audited)", async () => {
    const away = await makeUser(db, { role: "BUSINESS" });
    const stand = await makeUser(db, { role: "BUSINESS" });
    const admin = await makeUser(db, { role: "ADMIN" });
    const { delegation } = await setMyDelegation(away, { delegateId: stand.id, from: day(0), to: day(2) });
    expect((await failure(listDelegations(away))).code).toBe("FORBIDDEN");
    expect((await failure(endDelegation(stand, delegation?.id ?? ""))).code).toBe("FORBIDDEN");
    expect((await listDelegations(admin)).map((d) => d.id)).toContain(delegation?.id);
    const ended = await endDelegation(admin, delegation?.id ?? "");
    expect(ended).toMatchObject({ inForce: false, endedBy: { id: admin.id } });
    expect((await failure(endDelegation(admin, delegation?.id ?? ""))).code).toBe("CONFLICT");
    expect((await getMyDelegation(stand)).actingFor).toEqual([]);
    expect(
      await db.auditEvent.count({ where: { actorId: admin.id, action: "delegation.end", entityId: delegation?.id } }),
    ).toBe(1);
  });
});

/** A use case in PROTOTYPE with its G2 review open (deciders BUSINESS and IT). */
async function g2Review() {
  const { satisfyGateCriteria } = await import("@/prisma/seed/factories");
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const row = await makeUseCase(db, {
    ownerId: owner.id,
    stage: "PROTOTYPE",
    output: "Churn probability",
    outcome: "Call the right customers",
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "1", base: "2", high: "3" },
    pocResult: "AUC 0.8",
  });
  await satisfyGateCriteria(db, "G2", { useCaseId: row.id, authorId: owner.id });
  const review = await requestGateReview(owner, formatKey(row.number), {});
  return { owner, review };
}
