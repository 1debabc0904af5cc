import type { TestProject } from "vitest/node";
import { startThrowawayDb } from "./throwaway-db.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await startThrowawayDb("vitest");
  project.provide("databaseUrl", db.url);
  return () => db.stop();
}
