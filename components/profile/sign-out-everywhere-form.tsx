"use client";
import { signOut } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";
import { signOutEverywhereAction } from "@/server/actions/profile";

/** End every session of the user (this one too), and on request revoke every API token. */
export function SignOutEverywhereForm() {
  const [revokeTokens, setRevokeTokens] = useState(false);
  // No refresh of this page in between: it would race next-auth's sign-out of this browser.
  const { pending, message, run } = useSubmit(() => signOut({ callbackUrl: "/login" }), { refresh: false });
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => signOutEverywhereAction({ revokeTokens }));
  }
  return (
    <form onSubmit={submit} className="max-w-lg space-y-3" aria-label="Sign out everywhere">
      <p className="text-sm text-slate-600">
        Ends your sessions in every browser and device, this one included. API tokens keep working unless you revoke
        them here too.
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={revokeTokens} onChange={(e) => setRevokeTokens(e.target.checked)} />
        Also revoke all my API tokens
      </label>
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </form>
  );
}
