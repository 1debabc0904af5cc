// The code's entry points, read from the source tree (route handlers, server actions) and
// from the production build (.next: the action ids), and the refusal messages the matrix
// recognises (e2e/authorization-matrix.spec.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== "node_modules" && !name.startsWith(".")) walk(full, out);
    } else out.push(full);
  }
  return out;
}
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** "app/(app)/use-cases/export.csv/route.ts" -> "/use-cases/export.csv" (route groups dropped). */
function urlPathOf(routeFile: string): string {
  const segments = routeFile.split("/").slice(1, -1);
  return `/${segments.filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Every `METHOD path` a route file exports (function, const, or `export { x as METHOD }`). */
export function routeEntries(): { id: string; file: string }[] {
  const entries: { id: string; file: string }[] = [];
  for (const file of walk(path.join(ROOT, "app")).filter((f) => /[/\\]route\.(ts|tsx|js)$/.test(f))) {
    const source = readFileSync(file, "utf8");
    const methods = new Set<string>();
    for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s+([A-Z]+)\b/g))
      if (m[1] && HTTP_METHODS.includes(m[1])) methods.add(m[1]);
    for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
      for (const part of (m[1] ?? "").split(",")) {
        const name =
          part
            .trim()
            .split(/\s+as\s+/)
            .pop() ?? "";
        if (HTTP_METHODS.includes(name)) methods.add(name);
      }
    for (const method of methods) entries.push({ id: `${method} ${urlPathOf(rel(file))}`, file: rel(file) });
  }
  return entries;
}

const USE_SERVER_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use server\1/;

/**
 * Every exported async function of a "use server" module, every file with an inline "use
 * server", and every "use server" module outside server/actions/ (where they all live).
 */
export function actionEntries(): { ids: string[]; inline: string[]; misplaced: string[] } {
  const ids: string[] = [];
  const inline: string[] = [];
  const misplaced: string[] = [];
  const files = ["app", "components", "lib", "server"].flatMap((dir) =>
    walk(path.join(ROOT, dir)).filter((f) => /\.(ts|tsx|js|jsx)$/.test(f) && !/\.test\.tsx?$/.test(f)),
  );
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    if (USE_SERVER_DIRECTIVE.test(source)) {
      if (!rel(file).startsWith("server/actions/")) misplaced.push(rel(file));
      for (const m of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) ids.push(`${rel(file)}#${m[1]}`);
      for (const m of source.matchAll(/export\s+const\s+(\w+)\s*=\s*async\b/g)) ids.push(`${rel(file)}#${m[1]}`);
      // A default export cannot be listed by name: list it to see it fail.
      if (/export\s+default\s+async/.test(source)) ids.push(`${rel(file)}#default`);
    } else if (/(["'])use server\1\s*;?\s*\n/.test(source) && /\{\s*(["'])use server\1/.test(source)) {
      inline.push(rel(file));
    }
  }
  return { ids, inline, misplaced };
}

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
