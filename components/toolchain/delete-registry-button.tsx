"use client";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";
import { deleteRegistryAction } from "@/server/actions/registry";

export function DeleteRegistryButton({ id, name }: { id: string; name: string }) {
  const { pending, message, run } = useSubmit();
  return (
    <span className="flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        aria-label={`Remove ${name}`}
        onClick={() => {
          if (window.confirm(`Remove ${name}? The models linked from it are unlinked.`))
            void run(() => deleteRegistryAction(id));
        }}
      >
        Remove
      </Button>
      {message && (
        <span role="alert" className="text-sm text-rose-700">
          {message}
        </span>
      )}
    </span>
  );
}
