// Which queries the app makes read a big table whole: PostgreSQL's auto_explain logs the plan of
// every query the server runs while the pages are requested once each, and the plans are
// searched for a sequential scan over the tables that grow with the portfolio.
import type pg from "pg";

/** The tables that grow with the portfolio: a query that scans one of them whole is a finding. */
const BIG_TABLES = ["UseCase", "GateReview", "ChecklistItem", "AuditEvent"];

/**
 * Scans that are the point of the query: the portfolio summary's figures are aggregates over
 * every use case and every decided review (until they are kept incrementally), so reading the
 * tables whole is what they cost. Matched against the query's text.
 */
const JUSTIFIED: { table: string; query: RegExp; why: string }[] = [
  { table: "UseCase", query: /GROUP BY/i, why: "an aggregate over the portfolio (the summary, counts per stage)" },
  {
    table: "UseCase",
    query: /^SELECT \(SELECT (sum|count)\(/i,
    why: "the summary's totals (open reviews, overdue conditions) over the portfolio",
  },
  {
    table: "UseCase",
    query: /^SELECT sum\(t\.cost\)::text AS total/i,
    why: "the summary's money totals: the yearly totals of every use case in the organisation currency",
  },
  {
    table: "UseCase",
    query: /WITH ranked AS \(\s*SELECT u\.id, u\."priorityTenths"/i,
    why: "the refresh after a score changed numbers every scored use case again (RENUMBER_SQL: a write's cost, once, not each read's)",
  },
  {
    table: "UseCase",
    query: /^SELECT count\(\*\)::int AS n, sum\(u\."ebitdaBase"\).* FROM "UseCasePlan" p JOIN "UseCase" u/i,
    why: "the plan figures: the base EBITDA of every use case expected in production this quarter (a quarter's plans join a good share of the portfolio, so the planner hashes it whole)",
  },
  {
    table: "GateReview",
    query: /GROUP BY|percentile_cont/i,
    why: "an aggregate over the decided reviews (the summary)",
  },
];

export type SeqScanFinding = { table: string; query: string };

/** Collects the auto_explain plans from the PostgreSQL log while `enabled`. */
export class PlanLog {
  private plans: string[] = [];
  enabled = false;
  readonly listener = (chunk: string) => {
    if (!this.enabled) return;
    // A chunk of the log may hold several entries, each starting with its timestamp.
    for (const entry of chunk.split(/(?=^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[\d+\] )/m))
      if (entry.includes("plan:")) this.plans.push(entry);
  };

  /** Logs plans of every query from every session (the server's pool included) until `stop`. */
  async start(client: pg.Client): Promise<void> {
    this.plans = [];
    this.enabled = true;
    await client.query("ALTER SYSTEM SET auto_explain.log_min_duration = 0");
    await client.query("SELECT pg_reload_conf()");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  async stop(client: pg.Client): Promise<void> {
    await client.query("ALTER SYSTEM RESET auto_explain.log_min_duration");
    await client.query("SELECT pg_reload_conf()");
    await new Promise((resolve) => setTimeout(resolve, 500));
    this.enabled = false;
  }

  /** Unjustified sequential scans over the big tables, one per query text. */
  findings(): { unexpected: SeqScanFinding[]; justified: number; plans: number } {
    const unexpected = new Map<string, SeqScanFinding>();
    let justified = 0;
    for (const plan of this.plans) {
      const query = queryText(plan);
      for (const table of BIG_TABLES) {
        if (!new RegExp(`Seq Scan on "?${table}"?\\b`).test(plan)) continue;
        if (JUSTIFIED.some((j) => j.table === table && j.query.test(query))) {
          justified++;
          continue;
        }
        const key = `${table} ${query.slice(0, 400)}`;
        if (!unexpected.has(key)) unexpected.set(key, { table, query: query.slice(0, 400) });
      }
    }
    return { unexpected: [...unexpected.values()], justified, plans: this.plans.length };
  }
}

/** The query of an auto_explain entry: from "Query Text:" to its parameters or its plan's first node. */
function queryText(entry: string): string {
  const lines = entry.split("\n");
  const start = lines.findIndex((line) => line.includes("Query Text: "));
  if (start < 0) return entry.slice(0, 300);
  const text = [lines[start]?.slice((lines[start]?.indexOf("Query Text: ") ?? 0) + 12) ?? ""];
  for (const line of lines.slice(start + 1)) {
    if (/^\t(Query Parameters:|\S.*\(cost=)/.test(line)) break;
    text.push(line);
  }
  return text.join(" ").replace(/\s+/g, " ").trim();
}

/** Before the server starts: every new session loads auto_explain (silent until `PlanLog.start`). */
export async function preloadAutoExplain(client: pg.Client): Promise<void> {
  await client.query("ALTER SYSTEM SET session_preload_libraries = 'auto_explain'");
  await client.query("ALTER SYSTEM SET auto_explain.log_format = 'text'");
  await client.query("ALTER SYSTEM SET auto_explain.log_nested_statements = on");
  await client.query("SELECT pg_reload_conf()");
}
