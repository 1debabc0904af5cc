"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Starts the single sign-on: next-auth's sign-in endpoint answers with the identity provider's
 * authorization URL (state and PKCE verifier go into cookies), and the browser goes there.
 */
export function SsoButton({ name, callbackUrl }: { name: string; callbackUrl: string }) {
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setPending(true);
    setError(null);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await fetch("/api/auth/signin/oidc", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
        body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
      });
      const body = (await response.json().catch(() => ({}))) as { url?: string };
      if (!response.ok || !body.url || new URL(body.url, window.location.href).searchParams.has("error")) {
        setError("Single sign-on is not available right now. Try again later.");
        setPending(false);
        return;
      }
      window.location.assign(body.url);
    } catch {
      setError("Could not reach the server. Try again.");
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      {error && (
        <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {error}
        </div>
      )}
      <Button variant="secondary" className="w-full" onClick={start} disabled={pending || !hydrated}>
        {pending ? "Redirecting…" : name}
      </Button>
    </div>
  );
}
