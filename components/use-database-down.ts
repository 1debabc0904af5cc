"use client";
import { useEffect, useState } from "react";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/server/db-errors";

/**
 * For the error pages: is the database the cause? An error thrown as a DatabaseUnavailableError
 * says so by its digest (Next.js hides server error messages in production, but keeps a digest
 * the error brings); for any other server error the health endpoint is asked, which answers 503
 * while the database does not answer.
 */
export function useDatabaseDown(error: unknown): boolean {
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
