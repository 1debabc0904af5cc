import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";

// Portfolio figures are global: a portfolio of its own, each cost figure checked against the
// truth computed here from the seed, in plain code (integer cents).
const own = withOwnDatabase("cost_summary");

type Seed = {
  team: "Retail" | "Ops";
  stage: "POC" | "PRODUCTION";
  base: number;
  currency?: string;
  /** The months in production before this one (production started that many months ago). */
  monthsInProduction?: number;
  /** [months ago, amount in cents] */
  costs: [number, number][];
  actuals: [number, number][];
};

const SEEDS: Seed[] = [
  // Past break-even: 30,000.00 of costs, 36,000.00 realised.
  {
    team: "Ops",
    stage: "PRODUCTION",
    base: 240_000,
    monthsInProduction: 3,
    costs: [
      [5, 2_000_000],
      [1, 1_000_000],
    ],
    actuals: [
      [2, 1_800_000],
      [1, 1_800_000],
    ],
  },
  // Short of break-even by one cent.
  {
    team: "Retail",
    stage: "PRODUCTION",
    base: 1_200_000,
    monthsInProduction: 2,
    costs: [[1, 5_000_001]],
    actuals: [[1, 5_000_000]],
  },
  // In production with no cost: not counted as past break-even; a big shortfall.
  { team: "Retail", stage: "PRODUCTION", base: 600_000, monthsInProduction: 1, costs: [], actuals: [[1, 100]] },
  // Not in production: costs only.
  { team: "Ops", stage: "POC", base: 50_000, costs: [[0, 12_345]], actuals: [] },
  // Another currency: left out of the money figures, still a production use case.
  {
    team: "Ops",
    stage: "PRODUCTION",
    base: 100_000,
    currency: "USD",
    monthsInProduction: 1,
    costs: [[1, 100]],
    actuals: [[1, 200]],
  },
];

const monthAgo = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};
const amount = (c: bigint) =>
  `${c < 0n ? "-" : ""}${(c < 0n ? -c : c) / 100n}.${((c < 0n ? -c : c) % 100n).toString().padStart(2, "0")}`;

function truth(seeds: Seed[]) {
  const year = `${new Date().getUTCFullYear()}-01`;
  const eur = seeds.filter((s) => (s.currency ?? "EUR") === "EUR");
  const sum = (rows: [number, number][], thisYear = false) =>
    rows.filter(([ago]) => !thisYear || monthAgo(ago) >= year).reduce((total, [, c]) => total + BigInt(c), 0n);
  const production = seeds.filter((s) => s.stage === "PRODUCTION");
  const past = production.filter((s) => sum(s.costs) > 0n && sum(s.actuals) - sum(s.costs) >= 0n);
  return {
    costToDate: amount(eur.reduce((t, s) => t + sum(s.costs), 0n)),
    netRealisedThisYear: amount(eur.reduce((t, s) => t + sum(s.actuals, true) - sum(s.costs, true), 0n)),
    breakEven: {
      production: production.length,
      past: past.length,
      percent: production.length ? Math.round((past.length / production.length) * 1000) / 10 : null,
    },
  };
}

describe("the portfolio summary's cost figures", () => {
  it("equal the truth computed from the seed, without and with a filter", async () => {
    const db = own.db();
    const people = {
      Retail: await makeUser(db, { role: "DATA_SCIENTIST" }),
      Ops: await makeUser(db, { role: "DATA_SCIENTIST" }),
    };
    await db.user.update({ where: { id: people.Retail.id }, data: { team: "Retail" } });
    await db.user.update({ where: { id: people.Ops.id }, data: { team: "Ops" } });
    const keys: string[] = [];
    for (const seed of SEEDS) {
      const owner = people[seed.team];
      const row = await makeUseCase(db, {
        ownerId: owner.id,
        stage: seed.stage,
        ebitda: {
          low: String(seed.base / 2),
          base: String(seed.base),
          high: String(seed.base * 2),
          currency: seed.currency ?? "EUR",
        },
        createdAt: new Date(Date.UTC(2020, 0, 1)),
        ...(seed.monthsInProduction
          ? { stageEnteredAt: new Date(`${monthAgo(seed.monthsInProduction)}-01T00:00:00Z`) }
          : {}),
      });
      keys.push(formatKey(row.number));
      for (const [ago, cents] of seed.costs)
        await db.cost.create({
          data: {
            useCaseId: row.id,
            period: monthAgo(ago),
            category: "OTHER",
            amount: amount(BigInt(cents)),
            authorId: owner.id,
          },
        });
      for (const [ago, cents] of seed.actuals)
        await db.actual.create({
          data: { useCaseId: row.id, period: monthAgo(ago), ebitda: amount(BigInt(cents)), authorId: owner.id },
        });
    }
    const { portfolioSummary } = await import("./portfolio-summary");
    const viewer = await makeUser(db, { role: "BUSINESS" });
    for (const [filters, seeds] of [
      [{}, SEEDS],
      [{ team: "Retail" }, SEEDS.filter((s) => s.team === "Retail")],
      [{ team: "Ops" }, SEEDS.filter((s) => s.team === "Ops")],
    ] as const) {
      const summary = await portfolioSummary(viewer, filters);
      expect(
        {
          costToDate: summary.costToDate,
          netRealisedThisYear: summary.netRealisedThisYear,
          breakEven: summary.breakEven,
        },
        JSON.stringify(filters),
      ).toEqual(truth([...seeds]));
    }
    // Value leakage: realised against base x months from production to the latest actual / 12.
    const all = await portfolioSummary(viewer, {});
    expect(all.breakEven).toEqual({ production: 4, past: 2, percent: 50 });
    expect(all.valueLeakage).toEqual([
      // 1,200,000 x 2 / 12 = 200,000.00 estimated; 50,000.00 realised.
      { key: keys[1], title: expect.any(String), actual: "50000.00", estimate: "200000.00", shortfall: "150000.00" },
      // 600,000 x 1 / 12 = 50,000.00 estimated; 1.00 realised.
      { key: keys[2], title: expect.any(String), actual: "1.00", estimate: "50000.00", shortfall: "49999.00" },
      // 240,000 x 3 / 12 = 60,000.00 estimated; 36,000.00 realised.
      { key: keys[0], title: expect.any(String), actual: "36000.00", estimate: "60000.00", shortfall: "24000.00" },
    ]);
  });
});
