import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/lifecycle";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser, satisfyGateCriteria } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db";
import { decideGate } from "@/server/gates/decide-gate";
import { requestGateReview } from "@/server/gates/request-gate-review";
import * as modelCardRoute from "./route";

// The model card's approved versions over the route handler (server/registry/toolchain.test.ts
// covers model versions, runs and aliases, and the order of several approvals).
const user = (role: Role) => makeUser(db, { role });
const inSixtyDays = () => new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

/** A use case in packaging that meets G3's criteria; G3 requested with `commit` put up for approval. */
async function g3Requested(commit: string) {
  const owner = await user("DATA_SCIENTIST");
  const business = await user("BUSINESS");
  const it_ = await user("IT");
  const row = await makeUseCase(db, {
    ownerId: owner.id,
    sponsorId: business.id,
    stage: "PACKAGING",
    output: "Churn probability",
    outcome: "Keep customers",
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "1", base: "2", high: "3" },
    pocResult: "AUC 0.8",
  });
  await satisfyGateCriteria(db, "G3", { useCaseId: row.id, authorId: owner.id, itUserId: it_.id });
  const key = formatKey(row.number);
  const review = await requestGateReview(owner, key, { note: "Ship it", commit });
  return { key, review, business, it_ };
}

describe("GET /api/v1/use-cases/{key}/model-card: approvedReleases", () => {
  it("lists the release of a passing gate; the release of a paused gate is not listed", async () => {
    const reader = await user("BUSINESS");
    const token = await createApiToken(db, reader.email, "model card");
    const read = async (key: string) => {
      const response = await modelCardRoute.GET(
        new Request(`http://localhost/api/v1/use-cases/${key}/model-card`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ key }) },
      );
      expect(response.status).toBe(200);
      return (await response.json()) as { approvedReleases: unknown[] };
    };

    const passed = await g3Requested("a1b2c3d");
    expect((await read(passed.key)).approvedReleases).toEqual([]);
    for (const decider of [passed.it_, passed.business])
      await decideGate(decider, passed.review.id, { decision: "GO", rationale: "Evidence holds." });
    const decidedAt = (await db.gateReview.findUniqueOrThrow({ where: { id: passed.review.id } })).decidedAt;
    expect((await read(passed.key)).approvedReleases).toEqual([
      {
        reviewId: passed.review.id,
        gate: "G3",
        decision: "GO",
        decidedAt: decidedAt?.toISOString(),
        modelName: null,
        modelVersion: null,
        runId: null,
        aliases: [],
        commit: "a1b2c3d",
      },
    ]);

    const paused = await g3Requested("ffff000");
    await decideGate(paused.it_, paused.review.id, {
      decision: "PAUSE",
      rationale: "Not yet.",
      revisitOn: inSixtyDays(),
    });
    expect((await db.gateReview.findUniqueOrThrow({ where: { id: paused.review.id } })).decision).toBe("PAUSE");
    expect(await db.gateRelease.count({ where: { gateReviewId: paused.review.id } })).toBe(1);
    expect((await read(paused.key)).approvedReleases).toEqual([]);
  }, 30_000);
});
