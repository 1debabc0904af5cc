import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import type { Tx } from "../db";
import { db } from "../db";
import { env } from "../env";

// First-run takeover: while the database has no user, /setup creates an administrator, so it
// asks for a one-time code that only whoever can read the server's log (or its data directory)
// has, as Jenkins does with its initial admin password. Each server process that starts with no
// user issues one and prints it; any issued code works, and all go once the admin exists.

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
const hash = (code: string) => createHash("sha256").update(normalise(code)).digest("hex");

/** What a person types: case, spaces and dashes do not matter. */
function normalise(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

/** A new code (four groups of four, about 80 bits), stored as its hash; the code is returned. */
export async function issueSetupCode(): Promise<string> {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
  const code = chars.match(/.{4}/g)?.join("-") ?? chars;
  await db.setupCode.create({ data: { hash: hash(code) } });
  return code;
}

/**
 * At server start: when there is no user yet, issue a code, print it in the log and, when
 * ROADBOOK_SETUP_CODE_FILE is set (npm start sets it under the data dir), write it there (mode 600).
 */
export async function announceSetupCode(): Promise<void> {
  if ((await db.user.count()) > 0) return;
  const code = await issueSetupCode();
  const file = env().ROADBOOK_SETUP_CODE_FILE;
  if (file) writeFileSync(file, `${code}\n`, { mode: 0o600 });
  console.log(
    `roadbook: first-run setup: open /setup and enter the setup code ${code}${file ? ` (also in ${file})` : ""}`,
  );
}

/** True when the code is one that was issued and not yet used. */
export async function setupCodeMatches(tx: Tx, code: string): Promise<boolean> {
  if (!normalise(code)) return false;
  return (await tx.setupCode.count({ where: { hash: hash(code) } })) > 0;
}

/** The admin exists: no code opens /setup any more. */
export async function retireSetupCodes(tx: Tx): Promise<void> {
  await tx.setupCode.deleteMany({});
  const file = env().ROADBOOK_SETUP_CODE_FILE;
  if (file) rmSync(file, { force: true });
}
