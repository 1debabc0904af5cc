// The one rule for an address Roadbook stores or calls: a full http(s) URL, without credentials.
import { z } from "zod";

/** A full http:// or https:// URL with no user name or password in it. */
export function isHttpUrlWithoutCredentials(value: string): boolean {
  try {
    const parsed = new URL(value);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/**
 * A trimmed http(s) address of at most 2000 characters. `what` names it in the messages ("The
 * address"), `example` shows a good one; `required` is the message for an empty one, which
 * otherwise fails as "not a full URL".
 */
export function httpUrl(what: string, example: string, required?: string) {
  const text = z.string({ error: `${what} must be text.` }).trim();
  return (required ? text.min(1, { error: required }) : text)
    .max(2000, { error: `${what} must be at most 2000 characters.` })
    .refine(isHttpUrlWithoutCredentials, {
      error: `${what} must be a full http(s) URL without credentials, like ${example}.`,
    });
}
