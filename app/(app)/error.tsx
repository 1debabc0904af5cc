"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/server/db-errors";

/**
 * Is the database the cause? An error thrown as a DatabaseUnavailableError says so by its digest
 * (Next.js hides server error messages in production, but keeps a digest the error brings);
 * for any other server error the health endpoint is asked, which answers 503 while the
 * database does not answer.
 */
function useDatabaseDown(error: unknown): boolean {
  const tagged = (error as { digest?: string } | null)?.digest === DATABASE_UNAVAILABLE_DIGEST;
  const [down, setDown] = useState(tagged);
  useEffect(() => {
    if (tagged) return;
    let current = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => current && setDown(response.status === 503))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [tagged]);
  return tagged || down;
}

export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  const databaseDown = useDatabaseDown(error);
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-white p-8">
      {databaseDown ? (
        <>
          <h1 className="text-xl font-semibold">The database is not answering</h1>
          <p className="mt-2 text-sm text-slate-600">
            Roadbook cannot reach its database right now; it is usually back within a minute. Nothing you saved is lost.
            Try again in a moment.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-xl font-semibold">This page could not load</h1>
          <p className="mt-2 text-sm text-slate-600">
            Something went wrong on our side; it has been logged. Nothing you saved is lost.
          </p>
        </>
      )}
      <div className="mt-4 flex gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <Link href="/" className="px-3 py-2 text-sm text-brand-700 underline">
          Dashboard
        </Link>
      </div>
    </div>
  );
}
