import "server-only";
import { EmailSchema } from "@/lib/validation/auth";
import { readBodyWithin } from "../http/read-body";

/** A credentials sign-in body is a few hundred bytes; nothing larger is read. */
export const MAX_CREDENTIALS_BYTES = 8 * 1024;

export type CredentialsForm =
  | { ok: true; email: string; body: URLSearchParams }
  | { ok: false; status: number; title: string; detail: string };

/**
 * The sign-in form, parsed once: a urlencoded body of at most 8 KB in which every field appears
 * once and email and password are present. `body` is what next-auth is given, so the account
 * the throttle counts is the account whose password is checked. `email` is the throttle's key:
 * trimmed and lower-cased like the account's, the raw text (cut to 254) when it is no address.
 */
export async function readCredentialsForm(request: Request): Promise<CredentialsForm> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded"))
    return refuse(415, "Unsupported Media Type", "Send the sign-in form as application/x-www-form-urlencoded.");
  const text = await readBodyWithin(request, MAX_CREDENTIALS_BYTES);
  if (text === null) return refuse(413, "Content Too Large", "The sign-in form is larger than 8 KB.");
  const body = new URLSearchParams(text);
  const keys = [...body.keys()];
  const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
  if (repeated) return refuse(400, "Bad Request", `The sign-in form has the field "${repeated}" more than once.`);
  const missing = ["email", "password"].filter((key) => !body.get(key));
  if (missing.length > 0) return refuse(400, "Bad Request", `The sign-in form needs ${missing.join(" and ")}.`);
  const raw = body.get("email") ?? "";
  const parsed = EmailSchema.safeParse(raw);
  return { ok: true, email: parsed.success ? parsed.data : raw.slice(0, 254), body };
}

const refuse = (status: number, title: string, detail: string): CredentialsForm => ({
  ok: false,
  status,
  title,
  detail,
});
