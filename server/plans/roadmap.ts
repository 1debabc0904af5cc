import "server-only";
import { Prisma } from "@/generated/prisma/client";
import {
  BENEFIT_AREA_LABELS,
  type BenefitArea,
  formatKey,
  STAGES,
  type Stage,
  type UseCaseStatus,
} from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { dayOf } from "@/lib/plan";
import type { Grouping, RoadmapUseCase } from "@/lib/roadmap";
import type { PortfolioFilters } from "@/lib/validation/portfolio";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { filterSql } from "../portfolio/portfolio-filters";
import { enteredSql } from "./stage-entries";

export const ROADMAP_PAGE_SIZE = 50;

export type RoadmapRow = RoadmapUseCase & { status: UseCaseStatus; group: string };
export type Roadmap = {
  today: string;
  groupBy: Grouping;
  page: number;
  pages: number;
  total: number;
  /** This page's use cases, in their groups (a group may go on over the next page). */
  groups: { label: string; rows: RoadmapRow[] }[];
};

type Row = {
  number: number;
  title: string;
  stage: Stage;
  status: UseCaseStatus;
  team: string | null;
  area: BenefitArea | null;
  prototypeOn: Date | null;
  packagingOn: Date | null;
  productionOn: Date | null;
} & Record<Stage, Date | null>;

const NO_TEAM = "No team";
const NO_AREA = "No benefit area";

/**
 * One page of the roadmap: the use cases matching the filters that are not stopped, grouped by
 * their owner's team or their benefit area, each with the day it entered each stage and its plan.
 * Paged in SQL (the group, then the key), so 10k use cases cost one page's work.
 */
export async function roadmap(
  actor: Actor,
  options: { filters: PortfolioFilters; groupBy: Grouping; page: number },
): Promise<Roadmap> {
  requirePermission(actor, "use-case:read");
  const where = Prisma.sql`u.status <> 'STOPPED' AND ${filterSql(options.filters)}`;
  const group = options.groupBy === "team" ? Prisma.sql`o.team` : Prisma.sql`u."benefitArea"::text`;
  const [{ total }] = (await db.$queryRaw<{ total: number }[]>(
    Prisma.sql`SELECT count(*)::int AS total FROM "UseCase" u WHERE ${where}`,
  )) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / ROADMAP_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pages);
  const entered = Prisma.join(
    STAGES.map((stage) => Prisma.sql`${enteredSql(stage)} AS ${Prisma.raw(`"${stage}"`)}`),
    ", ",
  );
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT u.*, ${entered}
    FROM (
      SELECT u.id, u.number, u.title, u.stage, u.status, u."createdAt", u."stageEnteredAt",
        o.team, u."benefitArea" AS area, p."prototypeOn", p."packagingOn", p."productionOn"
      FROM "UseCase" u JOIN "User" o ON o.id = u."ownerId"
      LEFT JOIN "UseCasePlan" p ON p."useCaseId" = u.id
      WHERE ${where}
      ORDER BY ${group} ASC NULLS LAST, u.number ASC
      LIMIT ${ROADMAP_PAGE_SIZE} OFFSET ${(page - 1) * ROADMAP_PAGE_SIZE}
    ) u
    ORDER BY ${options.groupBy === "team" ? Prisma.sql`u.team` : Prisma.sql`u.area::text`} ASC NULLS LAST, u.number ASC`);
  const day = (value: Date | null) => (value ? dayOf(value) : null);
  const groups: Roadmap["groups"] = [];
  for (const row of rows) {
    const label =
      options.groupBy === "team" ? (row.team ?? NO_TEAM) : row.area ? BENEFIT_AREA_LABELS[row.area] : NO_AREA;
    const item: RoadmapRow = {
      key: formatKey(row.number),
      title: row.title,
      stage: row.stage,
      status: row.status,
      group: label,
      entered: Object.fromEntries(STAGES.map((stage) => [stage, day(row[stage])])) as Record<Stage, string | null>,
      targets: { prototype: day(row.prototypeOn), packaging: day(row.packagingOn), production: day(row.productionOn) },
    };
    const last = groups.at(-1);
    if (last?.label === label) last.rows.push(item);
    else groups.push({ label, rows: [item] });
  }
  return { today: dayOf(new Date()), groupBy: options.groupBy, page, pages, total, groups };
}
