"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A signing secret, shown this once: copy it now. */
export function SecretNotice({ secret, onDismiss }: { secret: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="font-medium text-amber-900">
        The signing secret, shown only now. Copy it into the receiver: it cannot be read again (rotate it to get a new
        one).
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="break-all rounded bg-surface px-2 py-1 font-mono text-xs text-slate-900 ring-1 ring-amber-200">
          {secret}
        </code>
        <Button
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          onClick={() =>
            navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button variant="ghost" className="px-2.5 py-1 text-xs" onClick={onDismiss}>
          I have stored it
        </Button>
      </div>
    </div>
  );
}
