import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The Prisma CLI runs Rust-free here (see docs/toolchain.md). When the schema's
// env var is missing the CLI falls back to a native engine and tries a download,
// so give it a harmless default; commands that need a database get a real URL.
process.env.DATABASE_URL ??= "postgresql://roadbook@127.0.0.1:1/unset";
const connectionString = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString }),
});
