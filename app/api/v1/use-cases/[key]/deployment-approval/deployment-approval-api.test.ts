import { describe, expect, it } from "vitest";
import type { Role, Stage } from "@/lib/lifecycle";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db";
import * as servicesRoute from "../services/route";
import * as approvalRoute from "./route";

// The deployment-approval endpoint over its route handler (server/registry/toolchain.test.ts
// covers the rule, checkDeploymentApproval, and how a gate records a release).
const user = (role: Role) => makeUser(db, { role });

describe("GET /api/v1/use-cases/{key}/deployment-approval", () => {
  /** A use case in `stage`/`status` whose gate `decision` approved v7 at commit a1b2c3d. */
  async function approvedUseCase(stage: Stage, status: "ACTIVE" | "PAUSED" | "STOPPED", decision: "GO" | "STOP") {
    const owner = await user("DATA_SCIENTIST");
    const row = await makeUseCase(db, { ownerId: owner.id, stage, status });
    const review = await db.gateReview.create({
      data: {
        useCaseId: row.id,
        fromStage: "PACKAGING",
        toStage: "PRODUCTION",
        status: "DECIDED",
        decision,
        requestedById: owner.id,
        decidedAt: new Date(),
      },
    });
    await db.gateRelease.create({
      data: {
        gateReviewId: review.id,
        useCaseId: row.id,
        modelName: "churn-model",
        modelVersion: "7",
        commitRef: "a1b2c3d",
      },
    });
    return formatKey(row.number);
  }

  it("the truth table: stage × status × version approved or not × token scope, over HTTP", async () => {
    const reader = await user("IT");
    const tokens = {
      "read-only": await createApiToken(db, reader.email, "ro", { scope: "read-only" }),
      "read-write": await createApiToken(db, reader.email, "rw", { scope: "read-write" }),
      "deploy:check": await createApiToken(db, reader.email, "deploy", { scope: "deploy:check" }),
    };
    const ask = (token: string, key: string, version: string) =>
      approvalRoute.GET(
        new Request(
          `http://localhost/api/v1/use-cases/${key}/deployment-approval?environment=production&modelVersion=${version}`,
          {
            headers: { authorization: `Bearer ${token}` },
          },
        ),
        { params: Promise.resolve({ key }) },
      );
    const cases: { stage: Stage; status: "ACTIVE" | "PAUSED" | "STOPPED"; decision: "GO" | "STOP" }[] = [];
    for (const stage of ["PACKAGING", "PRODUCTION"] as const)
      for (const status of ["ACTIVE", "PAUSED", "STOPPED"] as const)
        for (const decision of ["GO", "STOP"] as const) cases.push({ stage, status, decision });
    for (const { stage, status, decision } of cases) {
      const key = await approvedUseCase(stage, status, decision);
      for (const [scope, token] of Object.entries(tokens))
        for (const version of ["7", "8"]) {
          const response = await ask(token, key, version);
          const label = `${stage} ${status} ${decision} v${version} ${scope}`;
          expect(response.status, label).toBe(200);
          const body = (await response.json()) as { allowed: boolean; reasons: string[] };
          const expected = stage === "PRODUCTION" && status === "ACTIVE" && decision === "GO" && version === "7";
          expect(body.allowed, label).toBe(expected);
          expect(body.reasons.length === 0, label).toBe(expected);
        }
    }
    // A deploy:check token may call nothing else.
    const key = await approvedUseCase("PRODUCTION", "ACTIVE", "GO");
    const other = await servicesRoute.GET(
      new Request(`http://localhost/api/v1/use-cases/${key}/services`, {
        headers: { authorization: `Bearer ${tokens["deploy:check"]}` },
      }),
      { params: Promise.resolve({ key }) },
    );
    expect(other.status).toBe(403);
    expect(((await other.json()) as { detail: string }).detail).toMatch(/deploy:check/);
    const anonymous = await approvalRoute.GET(
      new Request(
        `http://localhost/api/v1/use-cases/${key}/deployment-approval?environment=production&modelVersion=7`,
        {
          headers: { authorization: "Bearer rb_wrong" },
        },
      ),
      { params: Promise.resolve({ key }) },
    );
    expect(anonymous.status).toBe(401);
  }, 60_000);
});
