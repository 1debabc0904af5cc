import { describe, expect, it } from "vitest";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";

// A use case's money per year (UseCaseYearTotal) is kept by triggers on Cost and Actual, in the
// writing transaction. Here the stored totals are checked against the truth computed in code from
// the lines themselves, after writers that add lines of the same use case and year at the same
// moment (each holding its transaction open), after lines changed (to another year, another
// amount) and removed, by SQL as an operator would, and after the use case itself is removed.

const CATEGORIES = ["PEOPLE", "CLOUD", "LICENCES", "OTHER"] as const;

/** Each (use case, year): the stored totals and the sums of the lines, in cents. */
async function storedAndTruth(useCaseIds: string[]) {
  const [costs, actuals, stored] = await Promise.all([
    db.cost.findMany({
      where: { useCaseId: { in: useCaseIds } },
      select: { useCaseId: true, period: true, amount: true },
    }),
    db.actual.findMany({
      where: { useCaseId: { in: useCaseIds } },
      select: { useCaseId: true, period: true, ebitda: true },
    }),
    db.useCaseYearTotal.findMany({ where: { useCaseId: { in: useCaseIds } } }),
  ]);
  const cents = (value: { toFixed(d: number): string }) => Math.round(Number(value.toFixed(2)) * 100);
  const truth: Record<string, { cost: number; realised: number }> = {};
  const at = (useCaseId: string, period: string) => {
    const key = `${useCaseId} ${period.slice(0, 4)}`;
    truth[key] ??= { cost: 0, realised: 0 };
    return truth[key];
  };
  for (const line of costs) at(line.useCaseId, line.period).cost += cents(line.amount);
  for (const line of actuals) at(line.useCaseId, line.period).realised += cents(line.ebitda);
  const kept: Record<string, { cost: number; realised: number }> = {};
  for (const row of stored) {
    // A year whose lines were all removed keeps a row of zeros: the same as no row.
    if (cents(row.cost) === 0 && cents(row.realised) === 0) continue;
    kept[`${row.useCaseId} ${row.year}`] = { cost: cents(row.cost), realised: cents(row.realised) };
  }
  for (const [key, value] of Object.entries(truth)) if (value.cost === 0 && value.realised === 0) delete truth[key];
  return { kept, truth };
}

describe("the stored money per use case and year", () => {
  it("equals the sums of the lines after concurrent writers, changes, removals and a removed use case", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const [a, b] = await Promise.all(
      ["Year totals A", "Year totals B"].map((title) =>
        makeUseCase(db, { ownerId: owner.id, title, stage: "PRODUCTION", createdAt: new Date("2024-01-01") }),
      ),
    );
    if (!a || !b) throw new Error("two use cases");
    const ids = [a.id, b.id];

    // 24 writers at once on the same two use cases and years, each holding its transaction open a
    // moment after its insert, so they overlap on the same total rows.
    const writers = Array.from({ length: 24 }, (_, i) =>
      db.$transaction(async (tx) => {
        const useCaseId = ids[i % 2] as string;
        const period = `${2024 + (i % 3)}-${String(1 + Math.floor(i / 6)).padStart(2, "0")}`;
        await tx.cost.create({
          data: {
            useCaseId,
            period,
            category: CATEGORIES[i % 4] as (typeof CATEGORIES)[number],
            amount: `${100 + i}.25`,
            authorId: owner.id,
          },
        });
        await tx.actual.upsert({
          where: { useCaseId_period: { useCaseId, period } },
          create: { useCaseId, period, ebitda: `${1000 + i}.50`, authorId: owner.id },
          update: { ebitda: { increment: 1 } },
        });
        await tx.$executeRaw`SELECT pg_sleep(0.05)`;
      }),
    );
    const results = await Promise.allSettled(writers);
    // Two writers creating the same month's actual at once: one may lose on the unique key (its
    // whole transaction, cost line included, is rolled back). That is a refused write, not a lost one.
    for (const result of results)
      if (result.status === "rejected") expect(String(result.reason)).toMatch(/Unique constraint|P2002/);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(12);
    let { kept, truth } = await storedAndTruth(ids);
    expect(Object.keys(truth).length).toBeGreaterThan(3);
    expect(kept, "after concurrent writers").toEqual(truth);

    // Lines moved to another year and repriced, in one statement; others removed; by SQL.
    await db.$executeRaw`UPDATE "Cost" SET period = '2023-' || right(period, 2), amount = amount * 2 WHERE "useCaseId" = ${a.id} AND period LIKE '2024-%'`;
    await db.$executeRaw`UPDATE "Actual" SET ebitda = -ebitda WHERE "useCaseId" = ${b.id} AND period LIKE '2025-%'`;
    await db.$executeRaw`DELETE FROM "Cost" WHERE "useCaseId" = ${b.id} AND period LIKE '2026-%'`;
    await db.$executeRaw`DELETE FROM "Actual" WHERE "useCaseId" = ${a.id} AND period LIKE '2025-%'`;
    ({ kept, truth } = await storedAndTruth(ids));
    expect(kept, "after changes and removals").toEqual(truth);
    expect(
      Object.keys(kept).some((key) => key.endsWith(" 2023")),
      "a line moved to 2023 counts there",
    ).toBe(true);

    // The use case removed (its lines go with it): no error, and nothing of it stays.
    await db.$executeRaw`DELETE FROM "UseCase" WHERE id = ${a.id}`;
    expect(await db.useCaseYearTotal.count({ where: { useCaseId: a.id } })).toBe(0);
    ({ kept, truth } = await storedAndTruth([b.id]));
    expect(kept, "after the other use case was removed").toEqual(truth);
  });
});
