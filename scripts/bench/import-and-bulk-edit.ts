// The import and the bulk edit, as a business user and an admin call them: a dry run and a commit
// of a CSV of `rows` new use cases (10,000 at full scale), then one bulk edit setting the sponsor
// of `bulkRows` of them (1,000). Run after the reads are measured: the import grows the portfolio.
import { percentiles, type Stats } from "./measure.ts";
import { BENCH_TOKENS } from "./server.ts";

type Result = { name: string; stats: Stats; target?: number };

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; stats: Stats }> {
  const started = performance.now();
  const value = await fn();
  return { value, stats: percentiles([performance.now() - started]) };
}

export async function measureImportAndBulkEdit(base: string, rows: number, bulkRows: number): Promise<Result[]> {
  // user1 is a business user (the token's owner), user5 another one.
  const lines = ["Title,Owner email,Stage,Benefit area,Low,Expected EBITDA,High"];
  for (let i = 1; i <= rows; i++)
    lines.push(`Imported benchmark use case ${i},user1@bench.test,Prototype,cost reduction,100000,200000,300000`);
  const csv = `${lines.join("\n")}\n`;
  const importCsv = (dryRun: boolean) => async () => {
    const response = await fetch(`${base}/api/v1/imports/use-cases?dryRun=${dryRun}&fileName=bench.csv`, {
      method: "POST",
      headers: { authorization: `Bearer ${BENCH_TOKENS.business}`, "content-type": "text/csv" },
      body: csv,
    });
    const answer = (await response.json()) as { created?: number; rows?: { key?: string }[] };
    if (response.status !== 200 || answer.created !== rows)
      throw new Error(`import (dry run ${dryRun}): ${response.status} ${JSON.stringify(answer).slice(0, 500)}`);
    return answer.rows ?? [];
  };
  const dryRun = await timed(importCsv(true));
  const commit = await timed(importCsv(false));
  const keys = commit.value.flatMap((row) => (row.key ? [row.key] : [])).slice(0, bulkRows);
  if (keys.length !== bulkRows) throw new Error(`import: ${keys.length} keys for a ${bulkRows}-row bulk edit`);

  const bulk = await timed(async () => {
    const response = await fetch(`${base}/api/v1/use-cases`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${BENCH_TOKENS.admin}`, "content-type": "application/json" },
      body: JSON.stringify({ keys, set: { sponsorEmail: "user5@bench.test", addTags: ["benchmark"] } }),
    });
    const answer = (await response.json()) as { summary?: { updated: number } };
    if (response.status !== 200 || answer.summary?.updated !== bulkRows)
      throw new Error(`bulk edit: ${response.status} ${JSON.stringify(answer).slice(0, 500)}`);
  });
  return [
    { name: `API: import dry run of a ${rows}-row CSV`, stats: dryRun.stats, target: 15_000 },
    { name: `API: import commit of a ${rows}-row CSV`, stats: commit.stats, target: 30_000 },
    { name: `API: bulk edit of ${bulkRows} use cases (sponsor and a tag)`, stats: bulk.stats, target: 5_000 },
  ];
}
