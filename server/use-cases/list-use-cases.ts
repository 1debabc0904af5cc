import "server-only";
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import { parseKey, STAGES, STATUSES } from "../../lib/lifecycle";
import type { Actor } from "../../lib/permissions";
import { can } from "../../lib/permissions";
import { PortfolioFiltersSchema } from "../../lib/validation/portfolio";
import { db } from "../db";
import { forbidden } from "../errors";
import { filterWhere } from "../portfolio/portfolio-filters";
import { toUseCaseDto, type UseCaseDto, useCaseInclude } from "./use-case-dto";

export const USE_CASE_SORTS = ["updated", "key", "title", "stage", "value"] as const;
export type UseCaseSort = (typeof USE_CASE_SORTS)[number];

export const UseCaseListQuerySchema = z.object({
  stage: z.enum(STAGES).optional(),
  status: z.enum(STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
  ...PortfolioFiltersSchema.shape,
  sort: z.enum(USE_CASE_SORTS).default("updated"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type UseCaseListQuery = z.input<typeof UseCaseListQuerySchema>;

const ORDER: Record<UseCaseSort, Prisma.UseCaseOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
  key: [{ number: "desc" }],
  title: [{ title: "asc" }, { id: "asc" }],
  stage: [{ stage: "desc" }, { updatedAt: "desc" }, { id: "asc" }],
  value: [{ ebitdaBase: { sort: "desc", nulls: "last" } }, { id: "asc" }],
};

/** The list's where: stage, status, text search and the portfolio filters (shared with the CSV export). */
export function listWhere(
  query: Omit<z.output<typeof UseCaseListQuerySchema>, "sort" | "limit" | "offset">,
): Prisma.UseCaseWhereInput {
  const { stage, status, q, ...filters } = query;
  const and: Prisma.UseCaseWhereInput[] = [{ stage, status }, filterWhere(filters)];
  if (q) {
    const keyNumber = parseKey(q);
    and.push({
      OR: [
        ...(keyNumber != null ? [{ number: keyNumber }] : []),
        { title: { contains: q, mode: "insensitive" } },
        { summary: { contains: q, mode: "insensitive" } },
        { owner: { name: { contains: q, mode: "insensitive" } } },
      ],
    });
  }
  return { AND: and };
}

/**
 * One page for the API: no total count (the cursor needs only whether there is more), so
 * one query per page instead of two.
 */
export async function listUseCasesPage(
  actor: Actor,
  query: UseCaseListQuery,
): Promise<{ items: UseCaseDto[]; hasMore: boolean; offset: number }> {
  if (!can(actor, "use-case:read")) throw forbidden();
  const { stage, status, q, sort, limit, offset, ...filters } = UseCaseListQuerySchema.parse(query);
  const rows = await db.useCase.findMany({
    where: listWhere({ stage, status, q, ...filters }),
    orderBy: ORDER[sort],
    skip: offset,
    take: limit + 1,
    include: useCaseInclude,
  });
  return { items: rows.slice(0, limit).map(toUseCaseDto), hasMore: rows.length > limit, offset };
}

export async function listUseCases(
  actor: Actor,
  query: UseCaseListQuery,
): Promise<{ items: UseCaseDto[]; total: number; offset: number; limit: number }> {
  if (!can(actor, "use-case:read")) throw forbidden();
  const { stage, status, q, sort, limit, offset, ...filters } = UseCaseListQuerySchema.parse(query);
  const where = listWhere({ stage, status, q, ...filters });
  const [rows, total] = await Promise.all([
    db.useCase.findMany({ where, orderBy: ORDER[sort], skip: offset, take: limit, include: useCaseInclude }),
    db.useCase.count({ where }),
  ]);
  return { items: rows.map(toUseCaseDto), total, offset, limit };
}
