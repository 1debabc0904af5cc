"use client";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";
import { signOffChecklistAction } from "@/server/actions/checklists";

export function SignOffButton({ useCaseKey, label }: { useCaseKey: string; label: string }) {
  const { pending, message, run } = useSubmit();
  return (
    <div className="space-y-1">
      <Button disabled={pending} onClick={() => run(() => signOffChecklistAction(useCaseKey))}>
        {pending ? "Signing off…" : label}
      </Button>
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
    </div>
  );
}
