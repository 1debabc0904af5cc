// The one password-strength rule, shared by the server (which enforces it) and the profile
// form (which shows it while typing). Client-safe: zxcvbn-ts and its common dictionaries only.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MIN_SCORE = 3;

/** The leaked-password list shipped with @zxcvbn-ts/language-common (about 49,000 entries), lower-cased. */
const COMMON_PASSWORDS = new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: true });
  return factory;
}

export type PasswordVerdict = {
  /** zxcvbn's 0–4 estimate (0 when a hard rule already refuses the password). */
  score: number;
  /** Why the password is refused, as a field message; null when it is accepted. */
  problem: string | null;
};

/** The parts of an email or a name that a password must not contain (3+ characters each). */
function personalParts(person: { email?: string | null; name?: string | null }): string[] {
  const parts = new Set<string>();
  const email = person.email?.trim().toLowerCase();
  if (email) {
    parts.add(email);
    const local = email.split("@")[0];
    if (local) parts.add(local);
  }
  const name = person.name?.trim().toLowerCase();
  if (name) {
    parts.add(name);
    for (const word of name.split(/[\s._-]+/)) parts.add(word);
  }
  return [...parts].filter((part) => part.length >= 3);
}

/**
 * Check a new password: at least 12 characters, not on the common-password list, not
 * containing the user's email or name, and a zxcvbn score of 3 or more.
 */
export function checkPasswordStrength(
  password: string,
  person: { email?: string | null; name?: string | null } = {},
): PasswordVerdict {
  if (password.length < PASSWORD_MIN_LENGTH)
    return { score: 0, problem: `Use at least ${PASSWORD_MIN_LENGTH} characters.` };
  if (password.length > 200) return { score: 0, problem: "Use at most 200 characters." };
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower))
    return { score: 0, problem: "This password is on a list of common passwords: choose another one." };
  const personal = personalParts(person);
  if (personal.some((part) => lower.includes(part)))
    return { score: 0, problem: "Do not use your email address or your name in the password." };
  const result = zxcvbn().check(password, personal);
  if (result.score < PASSWORD_MIN_SCORE) {
    return {
      score: result.score,
      problem:
        "This password is too easy to guess. Add more words or characters; a few unrelated words make a strong password.",
    };
  }
  return { score: result.score, problem: null };
}
