"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { useSubmit } from "@/components/ui/use-submit";
import { revokeApiTokenAction, revokeUserApiTokenAction } from "@/server/actions/api-tokens";

/** Revoke, after a confirmation step in place (no dialog to trap focus); `userId`: an admin revoking someone's. */
export function RevokeTokenButton({ id, name, userId }: { id: string; name: string; userId?: string }) {
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const { pending, message, run } = useSubmit(() =>
    toast({ title: `Token “${name}” revoked`, description: "Requests that use it are refused from now on." }),
  );
  if (!confirming)
    return (
      <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
    );
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="text-xs text-slate-600">Requests with it will fail at once.</span>
      <Button
        variant="danger"
        disabled={pending}
        onClick={() => run(() => (userId ? revokeUserApiTokenAction(userId, id) : revokeApiTokenAction(id)))}
      >
        {pending ? "Revoking…" : `Revoke ${name}`}
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      {message && (
        <span role="alert" className="text-xs text-rose-700">
          {message}
        </span>
      )}
    </span>
  );
}
