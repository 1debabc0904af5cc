import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "./client";

// Prisma sends a transaction's concurrent queries (an include's relations, Promise.all on tx) to
// its one connection at once; node-postgres deprecates queuing them (gone in pg 9).
describe("a transaction's queries on its one connection", () => {
  const prisma = createPrismaClient(inject("databaseUrl"));
  afterAll(() => prisma.$disconnect());
  // Users for the include to load relations of (their own emails: other files share this database).
  beforeAll(async () => {
    for (const n of [1, 2, 3])
      await prisma.user.upsert({
        where: { email: `client-test-${n}@roadbook.test` },
        create: { email: `client-test-${n}@roadbook.test`, name: `Client test ${n}`, role: "BUSINESS" },
        update: {},
      });
  });

  it("run one after another, in order, with no pg deprecation warning", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    try {
      const [a, b, c] = await prisma.$transaction(async (tx) =>
        Promise.all([
          tx.$queryRaw<{ n: number }[]>`SELECT 1::int AS n, pg_sleep(0.05)::text AS slept`,
          tx.$queryRaw<{ n: number }[]>`SELECT 2::int AS n`,
          // An include: Prisma loads each relation with a query of its own, all at once.
          tx.user.findMany({
            take: 3,
            include: { ownedUseCases: true, sponsoredUseCases: true, apiTokens: true, notifications: true },
          }),
        ]),
      );
      expect([a[0]?.n, b[0]?.n, Array.isArray(c)]).toEqual([1, 2, true]);
      // The warning is emitted on the next tick at the latest.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });

  it("still fails the transaction cleanly when one of them fails", async () => {
    await expect(
      prisma.$transaction(async (tx) =>
        Promise.all([tx.$queryRaw`SELECT 1`, tx.$queryRaw`SELECT * FROM no_such_table`]),
      ),
    ).rejects.toThrow(/no_such_table/);
    expect(await prisma.$queryRaw<{ ok: number }[]>`SELECT 1::int AS ok`).toEqual([{ ok: 1 }]);
  });
});
