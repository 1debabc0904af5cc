// The server actions' ids in the production build (.next), and the refusal messages the matrix
// recognises (e2e/security/authorization-matrix.spec.ts). The entry points of the source tree are found by
// test-support/app-routes.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, walk } from "@/test-support/app-routes";

/**
 * The action ids of the build. .next/server/server-reference-manifest.json is
 * `{ node: { [actionId]: { workers: { "app/(app)/page": { moduleId, async, exportedName, filename } },
 * layer: {...}, exportedName, filename } }, edge: {...}, encryptionKey }`: each action with the
 * file and export it comes from, and the pages ("workers") whose bundle includes it.
 */
export type ActionRef = { id: string; pages: string[] };
export function readActionManifest(): Map<string, ActionRef> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node?: Record<string, ManifestEntry>;
    edge?: Record<string, ManifestEntry>;
  };
  type ManifestEntry = {
    workers?: Record<string, { exportedName?: string; filename?: string }>;
    exportedName?: string;
    filename?: string;
  };
  const byName = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries({ ...manifest.edge, ...manifest.node })) {
    const workers = Object.entries(entry.workers ?? {});
    const filename = entry.filename ?? workers.find(([, w]) => w.filename)?.[1].filename;
    const exportedName = entry.exportedName ?? workers.find(([, w]) => w.exportedName)?.[1].exportedName;
    if (!filename || !exportedName) continue;
    const file = (path.isAbsolute(filename) ? path.relative(ROOT, filename) : filename)
      .split(path.sep)
      .join("/")
      .replace(/^\.\//, "");
    const pages = workers.map(([worker]) => worker).filter((worker) => /\/page$/.test(worker));
    byName.set(`${file}#${exportedName}`, { id, pages });
  }
  return byName;
}

/** Every message a FORBIDDEN DomainError can carry: read from the forbidden(...) calls of the code. */
export function forbiddenMessages(): RegExp[] {
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const toPattern = (literal: string, quote: string) =>
    new RegExp(
      `^${
        quote === "`"
          ? literal
              .split(/\$\{[^}]*\}/)
              .map(escapeRegExp)
              .join(".+")
          : escapeRegExp(literal)
      }$`,
    );
  const patterns: RegExp[] = [];
  const files = ["app", "server"].flatMap((dir) =>
    walk(path.join(ROOT, dir)).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)),
  );
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/forbidden\(\s*(["'`])((?:\\.|(?!\1)[^\\])*)\1\s*\)/g))
      patterns.push(toPattern(m[2] ?? "", m[1] ?? '"'));
    for (const m of source.matchAll(/DomainError\(\s*"FORBIDDEN",\s*(["'`])((?:\\.|(?!\1)[^\\])*)\1/g))
      patterns.push(toPattern(m[2] ?? "", m[1] ?? '"'));
    // requirePermission(actor, permission, [record,] "message"): every string literal of the call
    // (the permission's name among them, which no refusal reads as).
    for (const call of source.matchAll(/requirePermission\(([^;]*?)\);/gs))
      for (const m of (call[1] ?? "").matchAll(/(["'`])((?:\\.|(?!\1)[^\\])*)\1/g))
        patterns.push(toPattern(m[2] ?? "", m[1] ?? '"'));
  }
  const errors = readFileSync(path.join(ROOT, "server/errors.ts"), "utf8");
  const fallback = /forbidden = \(message = "([^"]+)"\)/.exec(errors)?.[1];
  if (!fallback) throw new Error("server/errors.ts: the default forbidden() message was not found");
  patterns.push(toPattern(fallback, '"'));
  return patterns;
}

/** The message runAction answers when there is no session (server/http/run-action.ts). */
export function sessionEndedMessage(): string {
  const source = readFileSync(path.join(ROOT, "server/http/run-action.ts"), "utf8");
  const message = /if \(!actor\) return \{ ok: false, message: "([^"]+)" \}/.exec(source)?.[1];
  if (!message) throw new Error("server/http/run-action.ts: the session-ended message was not found");
  return message;
}
