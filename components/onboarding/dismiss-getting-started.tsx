"use client";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";
import { dismissGettingStartedAction } from "@/server/actions/onboarding";

/** Hides the checklist for this admin; it stays hidden on their next visits (kept on the account). */
export function DismissGettingStarted() {
  const { pending, message, run } = useSubmit();
  return (
    <div className="flex items-center gap-2">
      {message && (
        <p role="alert" className="text-xs text-rose-700">
          {message}
        </p>
      )}
      <Button variant="secondary" disabled={pending} onClick={() => run(() => dismissGettingStartedAction())}>
        Hide checklist
      </Button>
    </div>
  );
}
