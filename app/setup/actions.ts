"use server";
import type { ActionResult } from "@/lib/action-result";
import { DomainError } from "@/server/errors";
import { createFirstAdmin } from "@/server/users/create-first-admin";

export async function setupAction(input: {
  email: string;
  name: string;
  password: string;
}): Promise<ActionResult<{ email: string }>> {
  try {
    const user = await createFirstAdmin({
      email: String(input.email),
      name: String(input.name),
      password: String(input.password),
    });
    return { ok: true, data: { email: user.email } };
  } catch (error) {
    if (error instanceof DomainError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of error.details.errors ?? []) fieldErrors[issue.path] ??= issue.message;
      return { ok: false, message: error.message, fieldErrors };
    }
    console.error("Setup failed", error);
    return { ok: false, message: "Something went wrong on our side. Try again." };
  }
}
