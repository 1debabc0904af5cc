import pg from "pg";
import type { TestProject } from "vitest/node";
import { startThrowawayDb } from "./throwaway-db.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A migrated, empty database no one connects to: withOwnDatabase copies it. */
    templateDatabase: string;
  }
}

export const TEMPLATE_DATABASE = "roadbook_template";

export default async function setup(project: TestProject) {
  const db = await startThrowawayDb("vitest");
  // Copied before any test connects to the shared database (a template must have no other
  // session): a database of a test file's own is then a file copy, not a run of every migration.
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const source = new URL(db.url).pathname.slice(1);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE} TEMPLATE "${source}"`);
  await admin.end();
  project.provide("databaseUrl", db.url);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return () => db.stop();
}
