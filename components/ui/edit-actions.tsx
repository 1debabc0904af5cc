"use client";
import { Button } from "@/components/ui/button";

/**
 * The end of an edit form: its error message, Save and Cancel, and when someone else saved first
 * (a stale version) the note that the input is kept and a Reload button. `span` places both rows
 * in the form's grid (e.g. "sm:col-span-2").
 */
export function EditActions({
  message,
  conflict,
  pending,
  onClose,
  saveLabel = "Save",
  span = "",
}: {
  message: string | null | undefined;
  conflict: boolean;
  pending: boolean;
  onClose: () => void;
  saveLabel?: string;
  span?: string;
}) {
  return (
    <>
      {message && (
        <p role="alert" className={`text-sm text-rose-700 ${span}`.trim()}>
          {message}
          {conflict && " Your input is kept; reload to see their change."}
        </p>
      )}
      <div className={`flex gap-2 ${span}`.trim()}>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : saveLabel}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        {conflict && (
          <Button variant="secondary" onClick={() => window.location.reload()}>
            Reload
          </Button>
        )}
      </div>
    </>
  );
}
