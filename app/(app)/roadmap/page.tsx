import Link from "next/link";
import { FiltersBar } from "@/components/dashboard/filters-bar";
import { RoadmapTable } from "@/components/roadmap/roadmap-table";
import { RoadmapTimeline } from "@/components/roadmap/roadmap-timeline";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PrintButton } from "@/components/ui/print-button";
import { GROUPINGS, type Grouping, ZOOMS, type Zoom } from "@/lib/roadmap";
import { filterQuery, filtersFromSearch, PortfolioFiltersSchema } from "@/lib/validation/portfolio";
import { requireUser } from "@/server/auth/current-user";
import { getLocale } from "@/server/locale";
import { ROADMAP_PAGE_SIZE, roadmap } from "@/server/plans/roadmap";
import { listPeople, listTeams } from "@/server/users/list-people";

export const metadata = { title: "Roadmap" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const GROUP_LABELS: Record<Grouping, string> = { team: "Team", area: "Benefit area" };
const ZOOM_LABELS: Record<Zoom, string> = { quarter: "Quarters", month: "Months" };
const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** The roadmap: each use case's stages as they happened against its plan, slippage in red, on one printable page. */
export default async function RoadmapPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/roadmap");
  const raw = await searchParams;
  const parsed = PortfolioFiltersSchema.safeParse(filtersFromSearch(raw));
  const filters = parsed.success ? parsed.data : {};
  const groupBy = pick(raw.group, GROUPINGS, "team");
  const zoom = pick(raw.zoom, ZOOMS, "quarter");
  const page = Math.max(1, Number.parseInt(String(raw.page ?? "1"), 10) || 1);
  const [data, teams, people, locale] = await Promise.all([
    roadmap(user, { filters, groupBy, page }),
    listTeams(),
    listPeople(),
    getLocale(),
  ]);
  const href = (extra: Record<string, string>) =>
    `/roadmap?${filterQuery(filters, { group: groupBy, zoom, ...extra })}`;
  const choice = (current: boolean) =>
    `rounded-full px-3 py-1 ${current ? "bg-primary text-white" : "bg-surface text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`;
  const shown = data.groups.reduce((sum, group) => sum + group.rows.length, 0);
  const first = shown === 0 ? 0 : (data.page - 1) * ROADMAP_PAGE_SIZE + 1;

  return (
    <div className="space-y-5 print:space-y-2">
      <PageHeader
        title="Roadmap"
        description="Each use case's stages as they happened (bars), its plan (◆), today (the red line) and how late each stage is (red, in days)."
        actions={<PrintButton />}
      />
      <nav aria-label="Roadmap view" className="flex flex-wrap items-center gap-2 text-sm print:hidden">
        <span className="text-slate-600">Group by</span>
        {GROUPINGS.map((value) => (
          <Link
            key={value}
            href={href({ group: value })}
            aria-current={value === groupBy ? "true" : undefined}
            className={choice(value === groupBy)}
          >
            {GROUP_LABELS[value]}
          </Link>
        ))}
        <span className="ml-4 text-slate-600">Zoom</span>
        {ZOOMS.map((value) => (
          <Link
            key={value}
            href={href({ zoom: value })}
            aria-current={value === zoom ? "true" : undefined}
            className={choice(value === zoom)}
          >
            {ZOOM_LABELS[value]}
          </Link>
        ))}
      </nav>
      <div className="print:hidden">
        <FiltersBar filters={filters} keep={{ group: groupBy, zoom }} teams={teams} people={people} path="/roadmap" />
      </div>
      {!parsed.success && (
        <p role="status" className="text-sm text-amber-800">
          Some filters in the address were not understood and are ignored.
        </p>
      )}
      {data.total === 0 ? (
        <EmptyState boxed title="Nothing on the roadmap">
          No use case that is not stopped matches these filters. Clear a filter, or create a use case and give it a plan
          on its page.
        </EmptyState>
      ) : (
        <>
          <ul aria-hidden="true" className="flex flex-wrap gap-4 text-xs text-slate-600 print:text-[8px]">
            <li className="flex items-center gap-1">
              <span className="inline-block h-2 w-6 rounded-sm bg-sky-400" /> a stage as it happened
            </li>
            <li className="flex items-center gap-1">
              <span className="inline-block h-2 w-2 rotate-45 border border-slate-800 bg-white" /> a planned entry
            </li>
            <li className="flex items-center gap-1">
              <span className="inline-block h-1 w-6 bg-rose-600" /> late, with the days
            </li>
          </ul>
          <RoadmapTimeline groups={data.groups} zoom={zoom} today={data.today} />
          <RoadmapTable groups={data.groups} today={data.today} locale={locale} />
          <div className="print:hidden">
            <Pagination
              page={data.page}
              pages={data.pages}
              total={data.total}
              first={first}
              last={first + shown - 1}
              hrefFor={(n) => href({ page: String(n) })}
            />
          </div>
        </>
      )}
    </div>
  );
}
