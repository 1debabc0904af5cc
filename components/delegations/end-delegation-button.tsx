"use client";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";
import { endDelegationAction } from "@/server/actions/delegations";

/** ADMIN: end someone's delegation now (the list refreshes). */
export function EndDelegationButton({ id, label }: { id: string; label: string }) {
  const { pending, message, run } = useSubmit();
  return (
    <span className="space-x-2">
      <Button
        variant="secondary"
        aria-label={label}
        disabled={pending}
        onClick={() => run(() => endDelegationAction(id))}
      >
        {pending ? "Ending…" : "End"}
      </Button>
      {message && (
        <span role="alert" className="text-sm text-rose-700">
          {message}
        </span>
      )}
    </span>
  );
}
