import Link from "next/link";
import { Board } from "@/components/dashboard/board";
import { PageHeader } from "@/components/ui/page-header";
import { filterQuery, filtersFromSearch, PortfolioFiltersSchema } from "@/lib/validation/portfolio";
import { requireUser } from "@/server/auth/current-user";
import { BOARD_SORTS, type BoardSort, boardColumns } from "@/server/portfolio/board";

export const metadata = { title: "Board" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const SORT_LABELS: Record<BoardSort, string> = { updated: "Recently updated", priority: "Priority (ranked)" };

export default async function BoardPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/board");
  const raw = await searchParams;
  const parsed = PortfolioFiltersSchema.safeParse(filtersFromSearch(raw));
  const filters = parsed.success ? parsed.data : {};
  const sort: BoardSort = BOARD_SORTS.includes(raw.sort as BoardSort) ? (raw.sort as BoardSort) : "updated";
  const columns = await boardColumns(user, filters, sort);
  const choice = (current: boolean) =>
    `rounded-full px-3 py-1 ${current ? "bg-primary text-white" : "bg-surface text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Board"
        description="Use cases by stage (stopped ones left out), each with its priority rank. Arrow keys move between cards; a card's button requests its next gate when you may and its criteria are met."
      />
      <nav aria-label="Board order" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">Order</span>
        {BOARD_SORTS.map((value) => {
          const query = filterQuery(filters, value === "updated" ? {} : { sort: value });
          return (
            <Link
              key={value}
              href={query ? `/board?${query}` : "/board"}
              aria-current={value === sort ? "true" : undefined}
              className={choice(value === sort)}
            >
              {SORT_LABELS[value]}
            </Link>
          );
        })}
      </nav>
      <Board columns={columns} sort={sort} />
    </div>
  );
}
