import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { filterTags } from "@/lib/tags";
import { type PortfolioFilters, PortfolioFiltersSchema } from "@/lib/validation/portfolio";
import { parseInput } from "../http/parse-input";

/** Validated filters (a VALIDATION error names the bad one). */
export function parseFilters(input: unknown): PortfolioFilters {
  return parseInput(PortfolioFiltersSchema, input ?? {});
}

const endOfDay = (day: string) => new Date(`${day}T23:59:59.999Z`);

/** The filters as a Prisma where on UseCase. */
export function filterWhere(filters: PortfolioFilters): Prisma.UseCaseWhereInput {
  return {
    ...(filters.benefitArea ? { benefitArea: filters.benefitArea } : {}),
    ...(filters.owner ? { ownerId: filters.owner } : {}),
    ...(filters.sponsor ? { sponsorId: filters.sponsor } : {}),
    ...(filters.team ? { OR: [{ owner: { team: filters.team } }, { sponsor: { team: filters.team } }] } : {}),
    ...(filters.from || filters.to
      ? {
          createdAt: {
            ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
            ...(filters.to ? { lte: endOfDay(filters.to) } : {}),
          },
        }
      : {}),
    ...(filters.riskTier ? { riskTier: filters.riskTier } : {}),
    ...(filters.tag ? { tags: { hasEvery: filterTags(filters.tag) } } : {}),
  };
}

/** The same filters as SQL conditions on a UseCase aliased `u` ("TRUE" when none). */
export function filterSql(filters: PortfolioFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.benefitArea) parts.push(Prisma.sql`u."benefitArea" = ${filters.benefitArea}::"BenefitArea"`);
  if (filters.owner) parts.push(Prisma.sql`u."ownerId" = ${filters.owner}`);
  if (filters.sponsor) parts.push(Prisma.sql`u."sponsorId" = ${filters.sponsor}`);
  if (filters.team)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "User" t WHERE t.team = ${filters.team} AND (t.id = u."ownerId" OR t.id = u."sponsorId"))`,
    );
  if (filters.from) parts.push(Prisma.sql`u."createdAt" >= ${new Date(`${filters.from}T00:00:00Z`)}`);
  if (filters.to) parts.push(Prisma.sql`u."createdAt" <= ${endOfDay(filters.to)}`);
  if (filters.riskTier) parts.push(Prisma.sql`u."riskTier" = ${filters.riskTier}::"RiskTier"`);
  // Containment (every tag), which the GIN index on tags serves.
  if (filters.tag) parts.push(Prisma.sql`u.tags @> ${filterTags(filters.tag)}::text[]`);
  return Prisma.join(parts, " AND ");
}

/** Whether any filter is set (none: the whole portfolio). */
export function hasFilters(filters: PortfolioFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/**
 * The same filters as a condition on a column holding a use case's id (a review's, an actual's):
 * "TRUE" when there are none, since every such row belongs to a use case (a foreign key), so an
 * unfiltered aggregate reads its own table (its index) without joining the portfolio's.
 */
export function ofFilteredUseCases(filters: PortfolioFilters, column: Prisma.Sql): Prisma.Sql {
  if (!hasFilters(filters)) return Prisma.sql`TRUE`;
  return Prisma.sql`${column} IN (SELECT u.id FROM "UseCase" u WHERE ${filterSql(filters)})`;
}
