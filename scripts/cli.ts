// npm run roadbook -- <command> [--flag value ...]   (see README and ../shared/api-v1.md)
import { parseArgs } from "node:util";
import { createPrismaClient } from "../prisma/client.ts";
import { seedDemoPortfolio } from "../prisma/seed/demo-portfolio.ts";
import { randomPassword } from "../prisma/seed/factories.ts";
import { createApiToken } from "../server/auth/api-tokens.ts";
import { DomainError } from "../server/errors.ts";
import { createUser } from "../server/users/create-user.ts";
import { openDatabase } from "./lib/database.ts";

const USAGE = `usage: npm run roadbook -- <command>
  user:create --email E --name N --role ADMIN|BUSINESS|DATA_SCIENTIST|IT [--password P]
  token:create --email E --name N
  demo:seed`;

const [command, ...rest] = process.argv.slice(2);
const OPTIONS = {
  email: { type: "string" },
  name: { type: "string" },
  role: { type: "string" },
  password: { type: "string" },
} as const;
let values: { email?: string; name?: string; role?: string; password?: string } = {};

function need(flag: "email" | "name" | "role"): string {
  const value = values[flag];
  if (!value) throw new Error(`--${flag} is required. ${USAGE.split("\n")[0]}`);
  return value;
}

async function run(): Promise<void> {
  if (!command || !["user:create", "token:create", "demo:seed"].includes(command)) {
    throw new Error(command ? `unknown command "${command}" (commands: user:create, token:create, demo:seed).` : USAGE);
  }
  values = parseArgs({ args: rest, options: OPTIONS, strict: true }).values;
  const database = await openDatabase();
  const prisma = createPrismaClient(database.url);
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
      console.log(await createApiToken(prisma, need("email"), need("name")));
      console.error("Store this token now: only its hash is kept.");
    } else {
      const { accounts, useCases } = await seedDemoPortfolio(prisma);
      console.log(`Loaded ${useCases} demo use cases. Demo accounts:`);
      for (const a of accounts) console.log(`  ${a.role.padEnd(15)} ${a.email}  ${a.password}`);
    }
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
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
