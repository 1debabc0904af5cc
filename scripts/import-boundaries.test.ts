import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layers point one way (CONTRIBUTING.md, "Layers"): app/ → components/ → server/ → lib/.
// Every import of every source file under those folders is read from disk (static imports,
// `import type`, `export … from`, `import()` and `require()`), resolved (`@/` is the repository
// root, relative paths are against the file) and checked against the layer it lands in.

const ROOT = path.resolve(".");
const LAYERS = ["app", "components", "server", "lib"] as const;
type Layer = (typeof LAYERS)[number];

/** What each layer may never import, type-only imports included. */
const FORBIDDEN: Record<Layer, Layer[]> = {
  app: [],
  components: ["app"],
  server: ["components", "app"],
  lib: ["server", "components", "app"],
};

// `import x from "m"`, `import type { X } from "m"`, `import "m"`, `export { x } from "m"`,
// `export * from "m"`, `export type { X } from "m"`; the part before `from` holds no quote.
const STATIC_IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^"'`;]*?\s*from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\b(?:import|require)\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

/** Every module specifier the source imports or re-exports from. */
function specifiersOf(source: string): string[] {
  return [...source.matchAll(STATIC_IMPORT), ...source.matchAll(DYNAMIC_IMPORT)].map((m) => m[1] ?? "");
}

/** The repository path a specifier lands on ("server/db"), or null for a package. */
function resolveSpecifier(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith(".")) return path.posix.join(path.posix.dirname(file), specifier);
  return null;
}

function layerOf(repoPath: string): Layer | null {
  const top = repoPath.split("/")[0];
  return (LAYERS as readonly string[]).includes(top ?? "") ? (top as Layer) : null;
}

type Violation = { file: string; specifier: string; target: string };
type FileReport = { resolved: { specifier: string; target: string }[]; violations: Violation[] };

/** The imports of one file (a repository path such as "components/x.tsx") and the ones its layer forbids. */
function checkFile(file: string, source: string): FileReport {
  const from = layerOf(file);
  const report: FileReport = { resolved: [], violations: [] };
  for (const specifier of specifiersOf(source)) {
    const target = resolveSpecifier(file, specifier);
    if (target === null) continue;
    report.resolved.push({ specifier, target });
    const to = layerOf(target);
    if (from && to && FORBIDDEN[from].includes(to)) report.violations.push({ file, specifier, target });
  }
  return report;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && !entry.name.startsWith(".")) sourceFiles(rel, out);
    } else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

describe("the import boundaries", () => {
  it("flag a forbidden import of every kind, and only those (the checker itself)", () => {
    const bad = [
      'import { a } from "@/app/(app)/page";',
      'import type { B } from "../../app/layout";',
      "import {\n  c,\n  d,\n} from '@/app/x';",
      'export { e } from "../../app/y";',
      'const f = await import("@/app/z");',
    ].join("\n");
    expect(checkFile("components/widgets/x.tsx", bad).violations.map((v) => v.target)).toEqual([
      "app/(app)/page",
      "app/layout",
      "app/x",
      "app/y",
      "app/z",
    ]);
    expect(checkFile("components/x.tsx", 'import type { B } from "../app/layout";').violations).toEqual([
      { file: "components/x.tsx", specifier: "../app/layout", target: "app/layout" },
    ]);
    expect(
      checkFile("lib/x.ts", 'export * from "../server/db";\nimport "@/components/ui/button";').violations,
    ).toHaveLength(2);
    expect(
      checkFile("server/x/y.ts", 'import type { P } from "@/components/gates/gate-panel";').violations,
    ).toHaveLength(1);
    expect(checkFile("server/x/y.ts", 'import type { P } from "../../app/page";').violations).toHaveLength(1);
    // Allowed: downwards, packages, and a folder that merely ends in a layer's name.
    const fine = checkFile(
      "components/x.tsx",
      'import { db } from "@/server/db";\nimport { z } from "zod";\nimport { m } from "../lib/money";\nimport { n } from "./app/nested";',
    );
    expect(fine.violations).toEqual([]);
    expect(fine.resolved.map((r) => r.target)).toEqual(["server/db", "lib/money", "components/app/nested"]);
  });

  it("hold for every source file of app/, components/, server/ and lib/", () => {
    const files = LAYERS.flatMap((layer) => sourceFiles(layer));
    const reports = files.map((file) => ({ file, ...checkFile(file, readFileSync(path.join(ROOT, file), "utf8")) }));
    const violations = reports.flatMap((r) => r.violations).map((v) => `${v.file} imports "${v.specifier}"`);

    // It cannot pass by seeing nothing: it reads every layer and a great many imports…
    for (const layer of LAYERS) expect(files.filter((f) => f.startsWith(`${layer}/`)).length).toBeGreaterThan(20);
    expect(files.length).toBeGreaterThan(400);
    expect(reports.reduce((sum, r) => sum + r.resolved.length, 0)).toBeGreaterThan(1500);
    // …including known allowed ones of each direction.
    const imports = (file: string) => reports.find((r) => r.file === file)?.resolved.map((r) => r.target) ?? [];
    expect(imports("components/gates/decision-form.tsx")).toContain("server/actions/gates");
    expect(imports("server/http/run-action.ts")).toContain("lib/action-result");

    expect(violations, "imports against the layers (app/ → components/ → server/ → lib/)").toEqual([]);
  });

  it('keep every "use server" module in server/actions/', () => {
    const directive = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use server\1/;
    const modules = LAYERS.flatMap((layer) => sourceFiles(layer)).filter((file) =>
      directive.test(readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(modules.length).toBeGreaterThan(10);
    expect(modules.filter((file) => !file.startsWith("server/actions/"))).toEqual([]);
  });
});
