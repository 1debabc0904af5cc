import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { CSV_HEADER, exportText, exportUseCasesCsv } from "./export-csv";

describe("the use-case CSV export", () => {
  it("streams every matching row once, in key order, across batches (keyset paging)", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const marker = `csvbatch${Date.now().toString(36)}`;
    const rows = [];
    for (let i = 0; i < 7; i++) rows.push(await makeUseCase(db, { ownerId: owner.id, title: `${marker} ${i}` }));
    const keys = rows.map((row) => formatKey(row.number));

    // Batches of 3: the header, then 3 + 3 + 1 rows.
    const parts: string[] = [];
    for await (const part of await exportUseCasesCsv(owner, { q: marker }, 3)) parts.push(part);
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe(`${CSV_HEADER.join(",")}\r\n`);
    const lines = parts.join("").trimEnd().split("\r\n");
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(keys);

    // A batch size that divides the rows exactly ends on an empty batch, without a duplicate.
    const exact = await exportText(await exportUseCasesCsv(owner, { q: marker }, 7));
    expect(exact).toBe(parts.join(""));
    // Nothing matches: the header alone.
    expect(await exportText(await exportUseCasesCsv(owner, { q: `${marker}-none` }))).toBe(parts[0]);
  });

  it("refuses before the first part: a bad filter is a field error (422), not a cut-off file nor a 500", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const error = await exportUseCasesCsv(owner, { stage: "NOWHERE" } as never).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: "VALIDATION",
      details: { errors: [expect.objectContaining({ path: "stage" })] },
    });
  });
});
