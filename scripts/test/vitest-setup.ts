import { inject } from "vitest";
import { assertLocalDatabase } from "./throwaway-db.ts";

// Runs in each test worker before the test file is imported, so server/db.ts connects here.
process.env.DATABASE_URL = assertLocalDatabase(inject("databaseUrl"));
process.env.NEXTAUTH_SECRET ??= "vitest-secret-vitest-secret-vitest-secret";
