"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { sameOriginPath } from "@/lib/same-origin-path";

/**
 * Signs in through next-auth's credentials callback directly (what next-auth/react's
 * signIn does), so the throttle's 429 and its retry message reach the user.
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
        body: new URLSearchParams({ email, password, csrfToken, callbackUrl, json: "true" }),
      });
      if (response.status === 429) {
        const problem = (await response.json()) as { detail?: string };
        setError(problem.detail ?? "Too many failed sign-ins. Try again later.");
        return;
      }
      const body = (await response.json().catch(() => ({}))) as { url?: string };
      if (!response.ok || !body.url || new URL(body.url, window.location.href).searchParams.has("error")) {
        setError("The email or password is not right.");
        return;
      }
      window.location.assign(sameOriginPath(callbackUrl, window.location.origin));
    } catch {
      setError("Could not reach the server. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error && (
        <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {error}
        </div>
      )}
      <Field label="Email">
        {(a) => (
          <TextInput
            {...a}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Field label="Password">
        {(a) => (
          <TextInput
            {...a}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
