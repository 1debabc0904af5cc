"use server";
import type { ActionResult } from "@/lib/action-result";
import { actionError } from "../http/run-action";
import { createFirstAdmin } from "../users/create-first-admin";

// No acting user yet: the first-run setup is the one action that runs without a session; the
// setup code from the server's log stands in for it.
export async function setupAction(input: {
  email: string;
  name: string;
  password: string;
  setupCode: string;
}): Promise<ActionResult<{ email: string }>> {
  try {
    const user = await createFirstAdmin({
      email: String(input.email),
      name: String(input.name),
      password: String(input.password),
      setupCode: String(input.setupCode ?? ""),
    });
    return { ok: true, data: { email: user.email } };
  } catch (error) {
    return actionError(error);
  }
}
