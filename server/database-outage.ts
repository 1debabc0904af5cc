// What a page answers while the database is down: 503 with the "database unavailable" page
// (docs/operations.md). Next.js answers 500 for any error a page throws, so proxy.ts answers
// instead, before rendering: once this process has seen the database fail (the pool losing a
// connection, a query or health check failing), each page request asks the pool for `SELECT 1`
// (2 s at most) until it answers again. Kept on globalThis: proxy.ts and the app are separate
// bundles of one process. No "server-only": proxy.ts imports it.
import type pg from "pg";
import { DATABASE_RETRY_AFTER_SECONDS } from "./db-errors";

const state = globalThis as { roadbookDatabaseDownSince?: number; roadbookPool?: pg.Pool };

/** The database did not answer: page requests check it before rendering until it does. */
export function noteDatabaseDown(): void {
  state.roadbookDatabaseDownSince ??= Date.now();
}

/** The database answered. */
export function noteDatabaseUp(): void {
  state.roadbookDatabaseDownSince = undefined;
}

/** For a page request: false while the database is known to be down (checked now), else true. */
export async function databaseMayAnswer(timeoutMs = 2000): Promise<boolean> {
  const pool = state.roadbookPool;
  if (state.roadbookDatabaseDownSince === undefined || !pool) return true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = pool.query("SELECT 1").then(
    () => true,
    () => false,
  );
  try {
    const answers = await Promise.race([probe, timeout]);
    if (answers) noteDatabaseUp();
    return answers;
  } finally {
    clearTimeout(timer);
  }
}

/** The same wording as app/global-error.tsx; "Try again" reloads the page without a script. */
export function databaseUnavailablePage(): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Database unavailable · Roadbook</title></head><body style="font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem;padding:0 1rem"><main><div role="alert"><h1>The database is not answering</h1><p>Roadbook cannot reach its database right now; it is usually back within a minute. Nothing you saved is lost. Try again in a moment.</p><form method="get"><button type="submit">Try again</button> <a href="/">Dashboard</a></form></div></main></body></html>`,
    {
      status: 503,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "retry-after": String(DATABASE_RETRY_AFTER_SECONDS),
      },
    },
  );
}
