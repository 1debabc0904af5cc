"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/action-result";

/**
 * Run a server action from a form: pending state, field errors and a message, and a
 * refresh of the server components on success. The form's own state (the user's input)
 * is never reset on failure.
 */
export function useSubmit<T>(onDone?: (data: T) => void) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  async function run(action: () => Promise<ActionResult<T>>): Promise<boolean> {
    setPending(true);
    setMessage(null);
    try {
      const result = await action();
      if (result.ok) {
        setErrors({});
        onDone?.(result.data);
        router.refresh();
        return true;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      return false;
    } catch {
      setMessage("Could not reach the server. Your input is kept; try again.");
      return false;
    } finally {
      setPending(false);
    }
  }

  return { pending, errors, message, setErrors, setMessage, run };
}
