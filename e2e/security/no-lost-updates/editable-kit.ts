// What the editable records share: the test context, a record's shape, and the API call.
import type { APIRequestContext } from "@playwright/test";
import type { PrismaClient } from "@/prisma/client";

export type Actor = { id: string; email: string; token: string };
export type Ctx = {
  request: APIRequestContext;
  prisma: PrismaClient;
  admin: Actor;
  owner: { id: string };
  tag: string;
};

/** One editable record, ready for a round of parallel edits. */
export type Subject = {
  /** The edit request from `version`, the i-th of the round (different values each). */
  edit: (version: number, i: number, round: number) => { method: string; path: string; body: unknown };
  /** The version and the values the edits set, as stored now. */
  stored: () => Promise<{ version: number; values: unknown }>;
  /** The values the i-th edit of the round sets. */
  values: (i: number, round: number) => unknown;
  /** The version in a 409's `current` (the record as it now is). */
  currentVersion: (current: unknown) => number | undefined;
  /** Whether `to` is the version right after `from` (default: exactly one more). */
  next?: (from: number, to: number) => boolean;
  /** Put back what the edits changed on a record other tests share. */
  restore?: () => Promise<void>;
};

export type Editable = {
  /** The record type and its version field. */
  record: string;
  /**
   * A single row other spec files save too (the settings, a checklist template): its version can
   * move under a test, so "nothing was written" compares only what this test would have written.
   */
  shared?: true;
  setup: (ctx: Ctx) => Promise<Subject>;
};

export const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));

export async function api(ctx: Ctx, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await ctx.request.fetch(path, {
    method,
    headers: { authorization: `Bearer ${ctx.admin.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status() >= 300) throw new Error(`setup ${method} ${path} answered ${response.status()}: ${text}`);
  return text ? JSON.parse(text) : null;
}

export const versionOf = (current: unknown) => (current as { version?: number } | null)?.version;
