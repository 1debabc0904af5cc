import { describe, expect, it } from "vitest";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { NO_PRIORITY, priorityOf } from "../priority/priority-of";
import { listUseCases, listUseCasesPageJson } from "./list-use-cases";
import { toUseCaseDto, useCaseInclude } from "./use-case-dto";

describe("the use-case list built as JSON by PostgreSQL", () => {
  it("gives exactly the DTO that toUseCaseDto gives, for every kind of row", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST", name: "Ottoline Jsonshape" });
    const sponsor = await makeUser(db, { role: "BUSINESS", name: 'Quote "Sponsor" \\ Ünïcode' });
    const rows = [
      await makeUseCase(db, {
        ownerId: owner.id,
        sponsorId: sponsor.id,
        title: 'Jsonshape "full" \\ row',
        summary: "Line one\nline two\ttab",
        benefitArea: "COST_REDUCTION",
        ebitda: { low: "-1250.5", base: "0", high: "9999999999999.99", currency: "CHF" },
        stage: "PACKAGING",
        status: "PAUSED",
        createdAt: new Date("2024-02-29T23:59:59.123Z"),
        tags: ["churn", "ünïcode-tag"],
      }),
      await makeUseCase(db, { ownerId: owner.id, title: "Jsonshape empty row" }),
    ];
    const expected = await db.useCase.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
      include: useCaseInclude,
      orderBy: { title: "asc" },
    });
    const listed = await listUseCases(owner, { q: "jsonshape", sort: "title" });
    expect(listed.total).toBe(2);
    const priorities = await Promise.all(expected.map((row) => priorityOf(row.id)));
    // The factory screens MINIMAL: the default model derives risk from it, so both rows are ranked.
    expect(priorities.every((p) => p.priorityScore != null && p.rank != null)).toBe(true);
    expect(listed.items).toEqual(expected.map((row, i) => toUseCaseDto(row, priorities[i] ?? NO_PRIORITY)));
  });

  it("serves an API page as one JSON body with a cursor only when there is more", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    for (const title of ["Pagebody A", "Pagebody B", "Pagebody C"]) await makeUseCase(db, { ownerId: owner.id, title });
    const first = JSON.parse(
      await listUseCasesPageJson(owner, { q: "pagebody", sort: "title", limit: 2 }, (o) => `next-${o}`),
    );
    expect(first.items.map((i: { title: string }) => i.title)).toEqual(["Pagebody A", "Pagebody B"]);
    expect(first.nextCursor).toBe("next-2");
    const last = JSON.parse(
      await listUseCasesPageJson(owner, { q: "pagebody", sort: "title", limit: 2, offset: 2 }, (o) => `next-${o}`),
    );
    expect(last).toEqual({ items: [expect.objectContaining({ title: "Pagebody C" })], nextCursor: null });
  });

  it("searches for %, _ and \\ as themselves", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    await makeUseCase(db, { ownerId: owner.id, title: "Wildcard 100% uplift" });
    await makeUseCase(db, { ownerId: owner.id, title: "Wildcard 1000 uplift" });
    await makeUseCase(db, { ownerId: owner.id, title: "Wildcard snake_case" });
    await makeUseCase(db, { ownerId: owner.id, title: "Wildcard snakeXcase" });
    const titles = async (q: string) => (await listUseCases(owner, { q })).items.map((i) => i.title);
    expect(await titles("100%")).toEqual(["Wildcard 100% uplift"]);
    expect(await titles("snake_case")).toEqual(["Wildcard snake_case"]);
    expect(await titles("wildcard \\")).toEqual([]);
  });
});
