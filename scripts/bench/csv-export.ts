// The CSV export of the whole portfolio, streamed: how long it takes and how much the server's
// memory grows meanwhile; a missing or extra row fails the run.
import type pg from "pg";
import { rssMb } from "./measure.ts";

export type ExportFigures = {
  exportedLines: number;
  exportedBytes: number;
  exportSeconds: number;
  exportGrowth: number;
};

export async function measureCsvExport(
  base: string,
  cookie: string,
  client: pg.Client,
  pid: number,
): Promise<ExportFigures> {
  const exportBase = rssMb(pid);
  let exportPeak = exportBase;
  const exportSampler = setInterval(() => {
    exportPeak = Math.max(exportPeak, rssMb(pid));
  }, 100);
  const exportStarted = performance.now();
  const exported = await fetch(`${base}/use-cases/export.csv`, { headers: { cookie } });
  if (exported.status !== 200 || !exported.body) throw new Error(`CSV export: ${exported.status}`);
  let exportedLines = 0;
  let exportedBytes = 0;
  const reader = exported.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    exportedBytes += part.value.length;
    for (const byte of part.value) if (byte === 10) exportedLines++;
  }
  const exportSeconds = (performance.now() - exportStarted) / 1000;
  clearInterval(exportSampler);
  const useCaseCount = (await client.query<{ n: number }>(`SELECT count(*)::int n FROM "UseCase"`)).rows[0]?.n ?? 0;
  const exportGrowth = Math.max(0, exportPeak - exportBase);
  if (exportedLines !== useCaseCount + 1) {
    process.exitCode = 1;
    console.error(`bench: the CSV export has ${exportedLines - 1} rows for ${useCaseCount} use cases`);
  }
  return { exportedLines, exportedBytes, exportSeconds, exportGrowth };
}
