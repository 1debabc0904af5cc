"use client";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";
import { syncModelsAction } from "@/server/actions/registry";

export function SyncModelsButton({ useCaseKey }: { useCaseKey: string }) {
  const { pending, message, run } = useSubmit();
  return (
    <span className="flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() => void run(() => syncModelsAction(useCaseKey))}
      >
        {pending ? "Reading the registry…" : "Sync now"}
      </Button>
      {message && (
        <span role="alert" className="text-sm text-rose-700">
          {message}
        </span>
      )}
    </span>
  );
}
