import "server-only";
import type { ActionResult } from "@/lib/action-result";
import { withRequestContext } from "../audit/request-context";
import { recordRefusal } from "../audit/standalone-event";
import { type CurrentUser, getCurrentUser } from "../auth/current-user";
import { noteDatabaseDown } from "../database-outage";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../db-errors";
import { DomainError } from "../errors";

/**
 * The one wrapper for server actions: authenticate, run the domain function (which
 * authorizes), and turn typed errors into a result the form can show.
 */
export async function runAction<T>(fn: (actor: CurrentUser) => Promise<T>): Promise<ActionResult<T>> {
  return withRequestContext(async () => {
    let actor: CurrentUser | null;
    try {
      actor = await getCurrentUser();
    } catch (error) {
      if (isDatabaseUnavailable(error)) return actionError(error); // the session check reads the database
      throw error;
    }
    if (!actor) return { ok: false, message: "Your session has ended. Sign in again." };
    try {
      return { ok: true, data: await fn(actor) };
    } catch (error) {
      if (error instanceof DomainError && error.code === "FORBIDDEN") {
        await recordRefusal(actor, `action ${fn.name || "anonymous"}`, error.message);
      }
      return actionError(error);
    }
  });
}

/** A thrown error as a form can show it: field messages for typed errors, a generic line otherwise. */
export function actionError(error: unknown): ActionResult<never> {
  if (error instanceof DomainError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.details.errors ?? []) fieldErrors[issue.path || "_"] ??= issue.message;
    return {
      ok: false,
      message: error.message,
      fieldErrors,
      ...(error.code === "CONFLICT" && error.details.current ? { conflict: error.details.current } : {}),
    };
  }
  if (isDatabaseUnavailable(error)) {
    noteDatabaseDown();
    console.error(
      `Database unavailable in server action: ${String((error as Error).message)
        .trim()
        .split("\n")
        .at(-1)}`,
    );
    return { ok: false, message: `${DATABASE_UNAVAILABLE_MESSAGE} Your input is kept.` };
  }
  console.error("Unexpected error in server action", error);
  return { ok: false, message: "Something went wrong on our side. Your input is kept; try again." };
}
