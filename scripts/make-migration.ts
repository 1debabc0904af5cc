// npm run db:migration -- <name>
// Makes a new migration offline: diffs the committed schema (git HEAD) against the edited
// prisma/schema.prisma with `prisma migrate diff --script` (see CONTRIBUTING.md, "Changing the schema").
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDb } from "./lib/embedded-db.ts";
import { prisma } from "./lib/prisma-cli.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in snake_case>");
  process.exit(1);
}
const migrationsDir = path.resolve("prisma/migrations");
const existing = readdirSync(migrationsDir).filter((entry) => /^\d{14}_/.test(entry));
const tmp = mkdtempSync(path.join(os.tmpdir(), "roadbook-migration-"));
const db = await startEmbeddedDb(path.join(tmp, "pg"));
try {
  let from = ["--from-empty"];
  if (existing.length > 0) {
    const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
    const committedPath = path.join(tmp, "committed.prisma");
    writeFileSync(committedPath, committed);
    from = ["--from-schema-datamodel", committedPath];
  }
  const sql = prisma(
    ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    db.url,
    { quiet: true },
  );
  if (!sql.trim() || sql.includes("This is an empty migration")) {
    console.log("The schema matches the committed one: no migration to make.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db.stop();
}
