import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { UseCaseFiltersSchema } from "@/lib/validation/portfolio";
import { requirePermission } from "../auth/require-permission";
import { db, readRows } from "../db";
import { priorityRows } from "../priority/priority-of";
import { LIST_ORDER_SQL, listConditionsSql, pageWithPrioritySql, USE_CASE_JSON_SQL } from "./list-sql";
import type { UseCaseDto } from "./use-case-dto";

export const USE_CASE_SORTS = ["updated", "key", "title", "stage", "value", "priority"] as const;
export type UseCaseSort = (typeof USE_CASE_SORTS)[number];

export const UseCaseListQuerySchema = z.object({
  ...UseCaseFiltersSchema.shape,
  sort: z.enum(USE_CASE_SORTS).default("updated"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type UseCaseListQuery = z.input<typeof UseCaseListQuerySchema>;

/** The API's query: a cursor instead of an offset, unknown parameters refused. */
export const UseCaseApiQuerySchema = UseCaseListQuerySchema.omit({ offset: true })
  .extend({ cursor: z.string().max(64).optional() })
  .strict();

/** One page of use cases as JSON texts (in order), `take` rows from `offset`. */
async function pageJson(query: z.output<typeof UseCaseListQuerySchema>, take: number): Promise<string[]> {
  const { sort, limit: _limit, offset, ...conditions } = query;
  const rows = await readRows<{ j: string }>(Prisma.sql`
    SELECT ${USE_CASE_JSON_SQL} AS j
    FROM ${pageWithPrioritySql(await priorityRows(), { conditions: listConditionsSql(conditions), sort, take, offset })}
    ORDER BY ${LIST_ORDER_SQL[sort]}`);
  return rows.map((row) => row.j);
}

/**
 * One page for the API as its JSON body text: no total count (the cursor needs only whether
 * there is more) and no per-row work in Node, so a page costs one query.
 */
export async function listUseCasesPageJson(
  actor: Actor,
  query: UseCaseListQuery,
  nextCursor: (offset: number) => string,
): Promise<string> {
  requirePermission(actor, "use-case:read");
  const parsed = UseCaseListQuerySchema.parse(query);
  const rows = await pageJson(parsed, parsed.limit + 1);
  const hasMore = rows.length > parsed.limit;
  const items = rows.slice(0, parsed.limit);
  return `{"items":[${items.join(",")}],"nextCursor":${hasMore ? JSON.stringify(nextCursor(parsed.offset + items.length)) : "null"}}`;
}

export async function listUseCases(
  actor: Actor,
  query: UseCaseListQuery,
): Promise<{ items: UseCaseDto[]; total: number; offset: number; limit: number }> {
  requirePermission(actor, "use-case:read");
  const parsed = UseCaseListQuerySchema.parse(query);
  const { sort: _sort, limit, offset, ...conditions } = parsed;
  const [rows, [count]] = await Promise.all([
    pageJson(parsed, limit),
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "UseCase" u WHERE ${listConditionsSql(conditions)}`,
  ]);
  return { items: rows.map((row) => JSON.parse(row) as UseCaseDto), total: count?.n ?? 0, offset, limit };
}
