"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { fieldErrors } from "@/lib/validation/issues";

/** The shared zod schema the server also applies, or a loader for it (keeps zod out of a page's first load). */
export type ClientSchema = z.ZodType | (() => Promise<z.ZodType>);

type Options = {
  /** Called when someone else saved first, with the record as it is now. */
  onConflict?: (current: unknown) => void;
  /** Refresh the server components after a success (default); off where onDone navigates away. */
  refresh?: boolean;
};

export const CHECK_FIELDS = "Some fields need attention.";
const UNREACHABLE = "Could not reach the server. Your input is kept; try again.";

/**
 * The one way a form runs a server action: pending state, the shared schema checked on the
 * client first (field messages without a round trip), the server's field errors and conflict,
 * the success step (awaited, so a sign-in after it stays pending), and a refresh of the
 * server components. The form's own state (the user's input)
 * is never reset on failure.
 */
export function useSubmit<T>(onDone?: (data: T) => void | Promise<void>, options: Options = {}) {
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
        await onDone?.(result.data);
        if (options.refresh !== false) router.refresh();
        return true;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      if (result.conflict !== undefined) options.onConflict?.(result.conflict);
      return false;
    } catch {
      setMessage(UNREACHABLE);
      return false;
    } finally {
      setPending(false);
    }
  }

  /** Check the input against the schema, then run the action with that same input. */
  async function submit<I>(
    schema: ClientSchema,
    input: I,
    action: (input: I) => Promise<ActionResult<T>>,
  ): Promise<boolean> {
    let resolved: z.ZodType;
    try {
      resolved = typeof schema === "function" ? await schema() : schema;
    } catch {
      setMessage(UNREACHABLE); // the schema's chunk did not load: the server is out of reach
      return false;
    }
    const checked = resolved.safeParse(input);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error));
      setMessage(CHECK_FIELDS);
      return false;
    }
    return run(() => action(input));
  }

  return { pending, errors, message, setErrors, setMessage, run, submit };
}
