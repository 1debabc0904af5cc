import { describe, expect, it } from "vitest";
import { evaluateCriteria, GATES, STAGES } from "@/lib/lifecycle";
import { withOwnDatabase } from "@/scripts/test/own-database";

// The demo loads only into an empty database: this file gets its own.
const own = withOwnDatabase("demo");

describe("the demo portfolio", () => {
  it("has a gate history consistent with every use case's stage, and reviews waiting for each decider", async () => {
    const db = own.db();
    const { seedDemoPortfolio } = await import("./demo-portfolio");
    const { loadGateFacts } = await import("@/server/gates/load-gate-facts");
    const { listReviewInbox } = await import("@/server/gates/review-inbox");
    const { accounts } = await seedDemoPortfolio(db);
    const useCases = await db.useCase.findMany({ include: { gateReviews: true } });
    expect(useCases).toHaveLength(26);
    const tierOf = (title: string) => useCases.find((u) => u.title === title)?.riskTier;
    expect(tierOf("Credit limit recommendation")).toBe("HIGH");
    expect(tierOf("Chatbot for HR questions")).toBe("LIMITED");
    expect(tierOf("Invoice fraud detection")).toBe("MINIMAL");
    expect(tierOf("Call-centre agent emotion monitoring")).toBe("UNACCEPTABLE");
    // The high-risk credit model meets G2's risk criteria: approved, its card written, its severe risk mitigated.
    const credit = useCases.find((u) => u.title === "Credit limit recommendation");
    if (!credit) throw new Error("the credit use case is seeded");
    const g2 = GATES.find((g) => g.id === "G2");
    if (!g2) throw new Error("G2 is declared");
    expect(
      evaluateCriteria(g2, await loadGateFacts(credit))
        .filter((c) => c.id.startsWith("risk") && !c.met)
        .map((c) => c.id),
    ).toEqual([]);
    expect(await db.useCaseRisk.count({ where: { status: "OPEN" } })).toBeGreaterThan(3);
    for (const useCase of useCases) {
      const passed = useCase.gateReviews.filter((r) => r.decision === "GO" || r.decision === "CONDITIONAL_GO");
      expect(passed.map((r) => r.fromStage)).toEqual(STAGES.slice(0, STAGES.indexOf(useCase.stage)));
      if (useCase.status !== "ACTIVE") {
        expect(useCase.gateReviews.some((r) => r.decision === (useCase.status === "PAUSED" ? "PAUSE" : "STOP"))).toBe(
          true,
        );
      }
      if (useCase.stage === "PRODUCTION") {
        const g3 = GATES.find((g) => g.id === "G3");
        if (!g3) throw new Error("G3 is declared");
        expect(evaluateCriteria(g3, await loadGateFacts(useCase)).every((c) => c.met)).toBe(true);
      }
    }
    const open = await db.gateReview.findMany({ where: { status: "OPEN" } });
    expect(open.map((r) => r.fromStage).sort()).toEqual(["POC", "PROTOTYPE"]);
    for (const review of open) {
      const useCase = useCases.find((u) => u.id === review.useCaseId);
      const gate = GATES.find((g) => g.from === review.fromStage);
      if (!useCase || !gate) throw new Error("open review without its use case or gate");
      expect(evaluateCriteria(gate, await loadGateFacts(useCase)).filter((c) => !c.met)).toEqual([]);
    }
    const actor = (role: string) => {
      const account = accounts.find((a) => a.role === role);
      if (!account) throw new Error(role);
      return { id: account.id, role: account.role };
    };
    expect((await listReviewInbox(actor("BUSINESS"))).map((e) => e.review.fromStage)).toEqual(["POC"]);
    expect((await listReviewInbox(actor("IT"))).map((e) => e.review.fromStage)).toEqual(["PROTOTYPE"]);
    expect(await db.gateCondition.count({ where: { closedAt: null, dueOn: { lt: new Date() } } })).toBeGreaterThan(0);
    // Costs for the use cases in production, people priced at the settings' day rate: net value to show.
    const { getValueCase } = await import("@/server/value/value-case");
    const production = useCases.filter((u) => u.stage === "PRODUCTION");
    expect(production.length).toBeGreaterThan(0);
    for (const useCase of production) {
      const value = await getValueCase(actor("BUSINESS"), `UC-${useCase.number}`);
      expect(value.costs.length).toBeGreaterThan(0);
      expect(value.dayRate).toEqual({ amount: "750.00", currency: "EUR" });
      expect(value.costs.filter((c) => c.category === "PEOPLE").every((c) => c.dayRate === "750.00")).toBe(true);
    }
    // Plans: every use case not stopped has one; the slipped one is late into production, and
    // the summary counts it.
    const { getPlan } = await import("@/server/plans/get-plan");
    expect(await db.useCasePlan.count()).toBe(useCases.filter((u) => u.status !== "STOPPED").length);
    const slipped = useCases.find((u) => u.title === "Demand forecasting for regional warehouses");
    const plan = await getPlan(actor("BUSINESS"), `UC-${slipped?.number}`);
    expect(plan.stages.find((s) => s.stage === "PRODUCTION")).toMatchObject({ entered: null, daysLate: 21 });
    expect(plan.stages.filter((s) => s.target !== null)).toHaveLength(3);
    const { portfolioSummary } = await import("@/server/portfolio/portfolio-summary");
    const summary = await portfolioSummary(actor("BUSINESS"));
    expect(summary.plan.averageSlippageDays).toBeGreaterThan(0);
    expect(summary.plan.onTime.every((g) => g.due > 0)).toBe(true);
  });
});
