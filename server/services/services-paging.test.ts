import { describe, expect, it } from "vitest";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";

// /services lists every service of the portfolio and pages through them: on the shared test
// database, another file adding a service while this one pages would shift the pages, so this
// file has a database of its own.
const own = withOwnDatabase("services_paging");

describe("the services page's paging", () => {
  it("/services pages through every service once, the down ones first, with the counts of all", async () => {
    const db = own.db();
    const { listAllServices, SERVICES_PAGE_SIZE } = await import("./services");
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const row = await makeUseCase(db, { ownerId: owner.id });
    // More than a page of this test's own services, some down, some blocked.
    const mine = await Promise.all(
      Array.from({ length: SERVICES_PAGE_SIZE + 5 }, (_, i) =>
        db.service.create({
          data: {
            useCaseId: row.id,
            name: `Paged ${String(i).padStart(3, "0")}`,
            kind: "OTHER",
            environment: "STAGING",
            url: `https://paged-${i}.example.com/`,
            healthStatus: i % 10 === 0 ? "DOWN" : i % 10 === 1 ? "BLOCKED" : "UP",
          },
        }),
      ),
    );
    const first = await listAllServices(owner, {});
    expect(first.services).toHaveLength(SERVICES_PAGE_SIZE);
    expect(first.total).toBe(await db.service.count());
    expect(first.down).toBe(await db.service.count({ where: { healthStatus: "DOWN" } }));
    const seen: string[] = [];
    const ranks: number[] = [];
    const RANK = { DOWN: 0, BLOCKED: 1, UNKNOWN: 2, UP: 3 } as const;
    for (let page = 1; page <= first.pages; page++) {
      const result = await listAllServices(owner, {}, page);
      expect(result.page).toBe(page);
      for (const service of result.services) {
        seen.push(service.id);
        ranks.push(RANK[service.health.status]);
      }
    }
    expect(new Set(seen).size).toBe(first.total);
    expect(seen).toHaveLength(first.total);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const service of mine) expect(seen).toContain(service.id);
    // The owner manages their own; a page past the last shows the last; a filter counts what it matches.
    expect(first.services.find((s) => mine.some((m) => m.id === s.id))?.canManage).toBe(true);
    expect((await listAllServices(owner, {}, first.pages + 7)).page).toBe(first.pages);
    const down = await listAllServices(owner, { health: "DOWN", kind: "OTHER", environment: "STAGING" });
    expect(down.services.every((s) => s.health.status === "DOWN" && s.kind === "OTHER")).toBe(true);
    expect(down.total).toBe(down.down);
    expect(down.total).toBeGreaterThanOrEqual(6);
  });
});
