// The bare-SQL side of the portfolio summary's app/SQL ratio: the statements the summary itself
// sends, recorded once in this process against the bench database, then replayed straight on a
// pool with the same concurrency (the summary sends its queries in waves: the settings, then its
// figures all at once), with no Node work around them. The ratio then compares the app with its
// own SQL, not with a hand-written approximation of it.
import pg from "pg";
import type { Actor } from "@/lib/permissions.ts";
import { benchServerSettings } from "./server.ts";

type Statement = { text: string; values: unknown[]; start: number; end: number };

/** The summary's statements as waves: each wave's statements ran at once, after the previous wave ended. */
export type SummaryWaves = { text: string; values: unknown[] }[][];

/**
 * Runs `portfolioSummary` twice in this process on the database at `url` (the second run is the
 * one recorded: a process's first queries prepare its pool) and answers its statements by wave.
 */
export async function recordSummaryStatements(url: string, actor: Actor): Promise<SummaryWaves> {
  Object.assign(process.env, benchServerSettings(url, "http://127.0.0.1"));
  const { portfolioSummary } = await import("@/server/portfolio/portfolio-summary.ts");
  const { dbPool } = await import("@/server/db.ts");
  const recorded: Statement[] = [];
  const original = pg.Client.prototype.query;
  // Every query of the server's pool goes through a pg Client, Prisma's adapter included. Patched
  // before the pool's first connection: the pool binds each connection's query when it connects.
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text: string; values?: unknown[] };
    const text = typeof config === "string" ? config : config.text;
    const values = (typeof config === "string" ? args[1] : config.values) ?? [];
    const statement: Statement = { text, values: values as unknown[], start: performance.now(), end: Infinity };
    recorded.push(statement);
    const ended = () => {
      statement.end = performance.now();
    };
    // The callback form (the pool's own query) ends in its callback, the promise form in its promise.
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function")
      args[last] = (...result: unknown[]) => {
        ended();
        return callback(...result);
      };
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) void result.finally(ended).catch(() => {});
    return result;
  } as typeof original;
  try {
    await portfolioSummary(actor, {});
    recorded.length = 0;
    await portfolioSummary(actor, {});
  } finally {
    pg.Client.prototype.query = original;
    await dbPool.end();
  }
  const waves: Statement[][] = [];
  for (const statement of recorded) {
    const wave = waves.at(-1);
    if (wave && statement.start < Math.max(...wave.map((s) => s.end))) wave.push(statement);
    else waves.push([statement]);
  }
  return waves.map((wave) => wave.map(({ text, values }) => ({ text, values })));
}

/** Replays the waves on `pool`: each wave's statements at once, the waves one after the other. */
export async function replaySummary(pool: pg.Pool, waves: SummaryWaves): Promise<void> {
  for (const wave of waves) await Promise.all(wave.map(({ text, values }) => pool.query(text, values)));
}

/** How many statements in how many waves, for the report. */
export const describeWaves = (waves: SummaryWaves) =>
  `${waves.reduce((n, wave) => n + wave.length, 0)} statements in ${waves.length} waves (${waves.map((w) => w.length).join(" + ")})`;
