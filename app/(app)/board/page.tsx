import { Board } from "@/components/dashboard/board";
import { PageHeader } from "@/components/ui/page-header";
import { filtersFromSearch, PortfolioFiltersSchema } from "@/lib/validation/portfolio";
import { requireUser } from "@/server/auth/current-user";
import { boardColumns } from "@/server/portfolio/board";

export const metadata = { title: "Board" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function BoardPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/board");
  const parsed = PortfolioFiltersSchema.safeParse(filtersFromSearch(await searchParams));
  const columns = await boardColumns(user, parsed.success ? parsed.data : {});
  return (
    <div className="space-y-4">
      <PageHeader
        title="Board"
        description="Use cases by stage (stopped ones left out). Arrow keys move between cards; a card's button requests its next gate when you may and its criteria are met."
      />
      <Board columns={columns} />
    </div>
  );
}
