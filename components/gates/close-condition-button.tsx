"use client";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";
import { closeConditionAction } from "@/server/actions/gates";

export function CloseConditionButton({ conditionId, text }: { conditionId: string; text: string }) {
  const { pending, message, run } = useSubmit();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        disabled={pending}
        aria-label={`Mark “${text}” as done`}
        onClick={() => run(() => closeConditionAction(conditionId))}
      >
        {pending ? "Closing…" : "Mark done"}
      </Button>
      {message && (
        <span role="alert" className="text-xs text-rose-700">
          {message}
        </span>
      )}
    </span>
  );
}
