// CI's dependency check (guarantee 9 in docs/security.md): `npm audit --omit=dev --audit-level=high`, with the
// documented exceptions of docs/security.md ("Dependencies"). Fails on any high or critical
// advisory of a production dependency that is not an exception. When the registry offers no
// audit endpoint (these machines' mirror answers 405), it says so loudly and does not fail:
// there is nothing to check against, and pretending otherwise would be worse.
import { spawnSync } from "node:child_process";

/** Advisories accepted on purpose, by GitHub advisory id, each with its reason in docs/security.md. */
const EXCEPTIONS = new Set<string>([]);

type Audit = {
  statusCode?: number;
  message?: string;
  vulnerabilities?: Record<
    string,
    { severity: string; via: (string | { url?: string; title?: string; severity?: string })[] }
  >;
};

const run = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { encoding: "utf8" });
let audit: Audit;
try {
  audit = JSON.parse(run.stdout || "{}");
} catch {
  console.error(`audit-deps: npm audit printed no JSON (exit ${run.status}): ${run.stderr.trim().split("\n")[0]}`);
  process.exit(1);
}
if (audit.statusCode && audit.statusCode >= 400) {
  console.warn(
    `audit-deps: WARNING: the registry has no audit endpoint here (${audit.statusCode}: ${audit.message}); dependencies NOT checked. Run \`npm audit --omit=dev --audit-level=high\` where the public registry is reachable.`,
  );
  process.exit(0);
}
const findings = Object.entries(audit.vulnerabilities ?? {}).flatMap(([name, v]) =>
  ["high", "critical"].includes(v.severity)
    ? v.via
        .filter((via): via is { url?: string; title?: string } => typeof via === "object")
        .filter((via) => !EXCEPTIONS.has(via.url?.split("/").pop() ?? ""))
        .map((via) => `${name} (${v.severity}): ${via.title ?? "?"} ${via.url ?? ""}`)
    : [],
);
if (findings.length > 0) {
  console.error(`audit-deps: ${findings.length} high/critical advisories in production dependencies:`);
  for (const line of findings) console.error(`  ${line}`);
  process.exit(1);
}
console.log("audit-deps: no high or critical advisory in production dependencies.");
