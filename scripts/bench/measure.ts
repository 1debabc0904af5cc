// Timing helpers for the benchmark: percentiles of sequential requests, process memory.
import { readFileSync } from "node:fs";

export type Stats = { n: number; p50: number; p95: number; p99: number };

export function percentiles(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)) };
}

/**
 * Run `fn` `warmup` times unmeasured, then `n` times one after the other; milliseconds per call.
 * `between`, when given, runs unmeasured before every call (a write, for the cold figures).
 */
export async function time(
  fn: (i: number) => Promise<void>,
  n: number,
  warmup: number,
  between?: (i: number) => Promise<void>,
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) {
    await between?.(i);
    await fn(i);
  }
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    await between?.(warmup + i);
    const started = performance.now();
    await fn(warmup + i);
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

/** Resident memory of a process and its children, in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const seen = new Set<number>();
  const walk = (p: number): number => {
    if (seen.has(p)) return 0;
    seen.add(p);
    let kb = 0;
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
      for (const child of children) kb += walk(Number(child)) * 1024;
    } catch {
      return 0;
    }
    return kb / 1024;
  };
  return Math.round(walk(pid));
}

/** The median and the spread (lowest, highest) of a few runs' figures. */
export function spread(values: number[]): { median: number; low: number; high: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor((sorted.length - 1) / 2)] ?? 0,
    low: sorted[0] ?? 0,
    high: sorted[sorted.length - 1] ?? 0,
  };
}
