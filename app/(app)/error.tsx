"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function AppError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-white p-8">
      <h1 className="text-xl font-semibold">This page could not load</h1>
      <p className="mt-2 text-sm text-slate-600">
        The database may be unavailable for a moment. Nothing you saved is lost.
      </p>
      <div className="mt-4 flex gap-3">
        <Button onClick={reset}>Try again</Button>
        <Link href="/" className="px-3 py-2 text-sm text-brand-700 underline">
          Dashboard
        </Link>
      </div>
    </div>
  );
}
