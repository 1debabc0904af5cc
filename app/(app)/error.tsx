"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { useDatabaseDown } from "@/components/use-database-down";

export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  const databaseDown = useDatabaseDown(error);
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-surface p-8">
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
