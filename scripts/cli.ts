// npm run roadbook -- <command> [--flag value ...]   (see docs/operations.md and docs/api-v1.md)
import path from "node:path";
import { parseArgs } from "node:util";
import { createPool, createPrismaClient } from "@/prisma/client.ts";
import { seedDemoPortfolio } from "@/prisma/seed/demo-portfolio.ts";
import { randomPassword } from "@/prisma/seed/factories.ts";
import { createApiToken } from "@/server/auth/api-tokens.ts";
import { DomainError } from "@/server/errors.ts";
import { createUser } from "@/server/users/create-user.ts";
import { backupDatabase } from "./lib/backup.ts";
import type { BackupSummary } from "./lib/backup-format.ts";
import { openDatabase } from "./lib/database.ts";
import { restoreDatabase } from "./lib/restore.ts";

const USAGE = `usage: npm run roadbook -- <command>
  user:create --email E --name N --role ADMIN|BUSINESS|DATA_SCIENTIST|IT|RISK [--password P]
  token:create --email E --name N [--scope read-write|read-only] [--expires-in-days 1-365]
  user:create --email E --name N --role ADMIN|BUSINESS|DATA_SCIENTIST|IT [--password P]
  token:create --email E --name N [--scope read-write|read-only|deploy:check] [--expires-in-days 1-365]
  demo:seed
  db:backup --out FILE
  db:restore --in FILE`;
const COMMANDS = ["user:create", "token:create", "demo:seed", "db:backup", "db:restore"];

const [command, ...rest] = process.argv.slice(2);
const OPTIONS = {
  email: { type: "string" },
  name: { type: "string" },
  role: { type: "string" },
  password: { type: "string" },
  out: { type: "string" },
  in: { type: "string" },
  scope: { type: "string" },
  "expires-in-days": { type: "string" },
} as const;
let values: {
  email?: string;
  name?: string;
  role?: string;
  password?: string;
  out?: string;
  in?: string;
  scope?: string;
  "expires-in-days"?: string;
} = {};

function need(flag: "email" | "name" | "role" | "out" | "in"): string {
  const value = values[flag];
  if (!value) throw new Error(`--${flag} is required. ${USAGE.split("\n")[0]}`);
  return value;
}

async function run(): Promise<void> {
  if (!command || !COMMANDS.includes(command)) {
    throw new Error(command ? `unknown command "${command}" (commands: ${COMMANDS.join(", ")}).` : USAGE);
  }
  values = parseArgs({ args: rest, options: OPTIONS, strict: true }).values;
  if (command === "db:backup" || command === "db:restore") {
    const file = path.resolve(need(command === "db:backup" ? "out" : "in"));
    // A restore migrates and loads every table: as the owner in a two-role set-up.
    const database = await openDatabase({ asOwner: command === "db:restore" });
    try {
      if (command === "db:backup") {
        console.log(`Backed up ${summarise(await backupDatabase(database.url, file))} to ${file}.`);
      } else {
        console.log(`Restored ${summarise(await restoreDatabase(database.url, file))} from ${file}.`);
      }
    } finally {
      await database.close();
    }
    return;
  }
  const database = await openDatabase();
  // Our own pool, ended before the database closes: Prisma's $disconnect leaves a pool it was
  // given open, and an embedded PostgreSQL stopping under its idle connections crashes the process.
  const pool = createPool(database.url);
  const prisma = createPrismaClient(database.url, pool);
  try {
    if (command === "user:create") {
      const generated = values.password ? null : randomPassword();
      const user = await createUser(prisma, {
        email: need("email"),
        name: need("name"),
        role: need("role").toUpperCase(),
        password: values.password ?? generated ?? "",
      });
      console.log(user.id);
      if (generated) console.error(`Generated password for ${user.email}: ${generated}`);
    } else if (command === "token:create") {
      const days = values["expires-in-days"];
      const expiresInDays = days === undefined ? undefined : /^\d+$/.test(days) ? Number(days) : Number.NaN;
      console.log(await createApiToken(prisma, need("email"), need("name"), { scope: values.scope, expiresInDays }));
      console.error("Store this token now: only its hash is kept.");
    } else {
      const { accounts, useCases } = await seedDemoPortfolio(prisma);
      console.log(`Loaded ${useCases} demo use cases. Demo accounts:`);
      for (const a of accounts) console.log(`  ${a.role.padEnd(15)} ${a.email}  ${a.password}`);
    }
  } finally {
    await prisma.$disconnect();
    await pool.end();
    await database.close();
  }
}

function summarise(s: BackupSummary): string {
  const size =
    s.bytes >= 1024 * 1024 ? `${(s.bytes / 1024 / 1024).toFixed(1)} MB` : `${(s.bytes / 1024).toFixed(1)} kB`;
  return `${s.tables} tables, ${s.rows} rows (${size}) in ${s.seconds.toFixed(1)} s`;
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    const message =
      error instanceof DomainError
        ? [error.message, ...(error.details.errors ?? []).map((e) => `${e.path}: ${e.message}`)].join(" ")
        : error instanceof Error
          ? error.message
          : String(error);
    console.error(`error: ${message}`);
    process.exit(1);
  },
);
