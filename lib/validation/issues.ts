// zod issues in the two shapes Roadbook reports them: per field for a form, as a list for the API.
import type { z } from "zod";

/** zod issues -> { "ebitda.low": "message" } (first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    errors[path] ??= issue.message;
  }
  return errors;
}

/** zod issues -> [{ path: "ebitda.low", message }], every one (a VALIDATION problem's `errors`). */
export function issuesList(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}
