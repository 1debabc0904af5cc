"use client";
import { useDatabaseDown } from "@/components/use-database-down";
import "./globals.css";

// Errors of the root and app layouts (the signed-in check reads the database first, so a
// database outage lands here on a full page load). It replaces the root layout: its own
// <html> and <body>, and no providers. Same wording as app/(app)/error.tsx.

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const databaseDown = useDatabaseDown(error);
  return (
    <html lang="en">
      <body>
        <title>{databaseDown ? "Database unavailable · Roadbook" : "Error · Roadbook"}</title>
        <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
          <div role="alert" className="max-w-lg rounded-lg border border-rose-200 bg-surface p-8">
            {databaseDown ? (
              <>
                <h1 className="text-xl font-semibold">The database is not answering</h1>
                <p className="mt-2 text-sm text-slate-600">
                  Roadbook cannot reach its database right now; it is usually back within a minute. Nothing you saved is
                  lost. Try again in a moment.
                </p>
              </>
            ) : (
              <>
                <h1 className="text-xl font-semibold">Roadbook could not load this page</h1>
                <p className="mt-2 text-sm text-slate-600">
                  Something went wrong on our side; it has been logged. Nothing you saved is lost.
                </p>
              </>
            )}
            <div className="mt-4 flex justify-center gap-3">
              <button
                type="button"
                onClick={() => retry()}
                className="rounded-md bg-primary px-3 py-2 text-sm font-medium text-white hover:bg-primary-hover"
              >
                Try again
              </button>
              {/* A full load, not a client navigation: the root layout itself failed. */}
              <a href="/" className="px-3 py-2 text-sm text-brand-700 underline">
                Dashboard
              </a>
            </div>
          </div>
        </main>
      </body>
    </html>
  );
}
