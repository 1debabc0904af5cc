import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Guarantee 10 of docs/security.md, "Secrets": nothing secret is committed. Scans every tracked file for the shapes of
// real secrets: private keys, Roadbook API tokens and webhook secrets, cloud keys, and
// environment files.
const PATTERNS: [string, RegExp][] = [
  ["a private key", /-----BEGIN (?:RSA |EC |OPENSSH |DSA |ENCRYPTED )?PRIVATE KEY-----/],
  ["a Roadbook API token", /\brb_[A-Za-z0-9_-]{43}\b/],
  ["a webhook signing secret", /\bwhsec_[A-Za-z0-9_-]{40,}\b/],
  ["an AWS access key", /\bAKIA[0-9A-Z]{16}\b/],
  ["a GitHub token", /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ["an assigned NEXTAUTH_SECRET", /^\s*NEXTAUTH_SECRET\s*=\s*["']?[A-Za-z0-9+/=_-]{32,}/m],
];

describe("the repository", () => {
  it("holds no secret: no key, token, signing secret or environment file", () => {
    const files = execFileSync("git", ["ls-files", "-z"], { encoding: "utf8" }).split("\0").filter(Boolean);
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => /(^|\/)\.env(\.|$)/.test(f) && !f.endsWith(".example"))).toEqual([]);
    const found: string[] = [];
    for (const file of files) {
      if (/\.(png|jpg|ico|woff2?|gz)$/.test(file) || file === "package-lock.json") continue;
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue; // deleted in the working tree
      }
      for (const [what, pattern] of PATTERNS) if (pattern.test(text)) found.push(`${file}: ${what}`);
    }
    expect(found).toEqual([]);
  });
});
