// The app's entry points as the source tree declares them: pages (page.tsx) and route
// handlers (route.ts) under app/, with their URL paths (route groups dropped), and the server
// actions ("use server" modules). The
// authorization matrix checks every handler is listed; the secret sweep requests every page
// and every GET handler.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = process.cwd();

export function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== "node_modules" && !name.startsWith(".")) walk(full, out);
    } else out.push(full);
  }
  return out;
}

export const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** "app/(app)/use-cases/export.csv/route.ts" -> "/use-cases/export.csv" (route groups dropped). */
export function urlPathOf(routeFile: string): string {
  const segments = routeFile.split("/").slice(1, -1);
  return `/${segments.filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
}

/** Every page's path template ("/use-cases/[key]"), sorted. */
export function pagePaths(): string[] {
  return walk(path.join(ROOT, "app"))
    .filter((f) => /[/\\]page\.(tsx|ts|jsx|js)$/.test(f))
    .map((f) => urlPathOf(rel(f)))
    .sort();
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * The methods a route file exports: a function or a const, `export { x as METHOD }`, and a
 * destructured const (`export const { GET, handler: POST } = handlers`: the binding after a
 * colon is the exported name). Not the handlers of `otherMethods(...)`
 * (server/http/other-methods.ts): they answer the methods a route does not have.
 */
export function exportedMethods(source: string): Set<string> {
  const methods = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s+([A-Z]+)\b/g))
    if (m[1] && HTTP_METHODS.includes(m[1])) methods.add(m[1]);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}\s*=(?!\s*otherMethods\()/g))
    for (const part of (m[1] ?? "").split(",")) {
      const name = (part.split(":").pop() ?? "").split("=")[0]?.trim() ?? "";
      if (HTTP_METHODS.includes(name)) methods.add(name);
    }
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
    for (const part of (m[1] ?? "").split(",")) {
      const name =
        part
          .trim()
          .split(/\s+as\s+/)
          .pop() ?? "";
      if (HTTP_METHODS.includes(name)) methods.add(name);
    }
  return methods;
}

/** Every `METHOD path` a route file under app/ exports, with its file. */
export function routeEntries(): { id: string; method: string; path: string; file: string }[] {
  const entries: { id: string; method: string; path: string; file: string }[] = [];
  for (const file of walk(path.join(ROOT, "app")).filter((f) => /[/\\]route\.(ts|tsx|js)$/.test(f))) {
    const urlPath = urlPathOf(rel(file));
    for (const method of exportedMethods(readFileSync(file, "utf8")))
      entries.push({ id: `${method} ${urlPath}`, method, path: urlPath, file: rel(file) });
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
