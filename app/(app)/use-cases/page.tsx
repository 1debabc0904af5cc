import Link from "next/link";
import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { BulkBar } from "@/components/use-case/bulk/bulk-bar";
import { BulkSelection } from "@/components/use-case/bulk/bulk-selection";
import { ColumnChooser } from "@/components/use-case/column-chooser";
import { ListFilters } from "@/components/use-case/list-filters";
import { SavedViewBar } from "@/components/use-case/saved-view-bar";
import { UseCaseTable } from "@/components/use-case/use-case-table";
import { can, scopeOf } from "@/lib/permissions";
import { queryParams } from "@/lib/query-params";
import { FILTER_KEYS, filtersFromSearch, PortfolioFiltersSchema } from "@/lib/validation/portfolio";
import { requireUser } from "@/server/auth/current-user";
import { listUseCases, UseCaseListQuerySchema } from "@/server/use-cases/list-use-cases";
import { listPeopleEmails } from "@/server/users/list-people";
import { listViewState } from "@/server/views/list-view-state";

export const metadata = { title: "Use cases" };

const PAGE_SIZE = 25;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UseCasesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/use-cases");
  const raw = await searchParams;
  // Saved views: /use-cases with no query string opens the user's landing view, if any.
  const viewState = await listViewState(user, raw);
  if ("redirectTo" in viewState) redirect(viewState.redirectTo);
  const query = queryParams(raw);
  const one = (key: string): string | undefined => query[key];
  const page = Math.max(1, Number.parseInt(one("page") ?? "1", 10) || 1);
  // Unknown filter values are ignored rather than failing the page.
  const portfolio = PortfolioFiltersSchema.safeParse(filtersFromSearch(raw));
  const portfolioFilters = portfolio.success ? portfolio.data : {};
  const parsed = UseCaseListQuerySchema.safeParse({
    stage: one("stage"),
    status: one("status"),
    q: one("q"),
    sort: one("sort"),
    ...portfolioFilters,
  });
  const filters = parsed.success ? parsed.data : {};
  // The bulk edit is offered to roles that may edit some use case; the server checks each row.
  const bulk = scopeOf(user, "use-case:update") !== null;
  const [result, people] = await Promise.all([
    listUseCases(user, { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    bulk ? listPeopleEmails() : Promise.resolve([]),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const hrefFor = (target: number) => {
    const params = new URLSearchParams();
    for (const key of ["q", "stage", "status", "sort", ...FILTER_KEYS, "view", "columns"]) {
      const value = one(key);
      if (value) params.set(key, value);
    }
    if (target > 1) params.set("page", String(target));
    const query = params.toString();
    return query ? `/use-cases?${query}` : "/use-cases";
  };
  const filtered = Boolean(one("q") || one("stage") || one("status") || Object.keys(portfolioFilters).length);
  const exportQuery = new URLSearchParams(
    Object.entries({
      q: one("q"),
      stage: one("stage"),
      status: one("status"),
      sort: one("sort"),
      ...portfolioFilters,
    }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  const extraFilters = Object.entries(portfolioFilters).filter(
    ([key]) => key !== "benefitArea" && key !== "riskTier" && key !== "tag",
  ) as [string, string][];
  // Kept by the filter form: the saved view shown, and columns chosen within it.
  const viewParams = (["view", "columns"] as const).flatMap((key): [string, string][] => {
    const value = one(key);
    return value ? [[key, value]] : [];
  });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Use cases"
        description="Every use case, from first idea to production."
        actions={
          <>
            <a
              href={`/use-cases/export.csv${exportQuery ? `?${exportQuery}` : ""}`}
              className={buttonClass("secondary")}
              download
            >
              Export CSV
            </a>
            {scopeOf(user, "use-case:import") && (
              <ButtonLink href="/use-cases/import" variant="secondary">
                Import
              </ButtonLink>
            )}
            {can(user, "use-case:create") && <ButtonLink href="/use-cases/new">New use case</ButtonLink>}
          </>
        }
      />
      {extraFilters.length > 0 && (
        <p className="text-sm text-slate-600">
          Also filtered by {extraFilters.map(([key, value]) => `${key} ${value}`).join(", ")} (from the dashboard).{" "}
          <Link href="/use-cases" className="text-brand-700 underline">
            Clear
          </Link>
        </p>
      )}
      <SavedViewBar
        view={viewState.view}
        query={viewState.query}
        columns={viewState.columns}
        canShare={can(user, "view:share")}
      />
      <ListFilters
        hidden={[...extraFilters, ...viewParams]}
        values={{
          q: one("q"),
          stage: one("stage"),
          status: one("status"),
          benefitArea: one("benefitArea"),
          sort: one("sort"),
          riskTier: one("riskTier"),
          tag: portfolioFilters.tag,
        }}
      />
      {result.items.length === 0 ? (
        <EmptyState
          title={filtered ? "No use case matches these filters" : "No use cases yet"}
          action={
            !filtered &&
            can(user, "use-case:create") && <ButtonLink href="/use-cases/new">Create the first use case</ButtonLink>
          }
        >
          {filtered ? (
            <Link href="/use-cases" className="text-brand-700 underline">
              Clear the filters
            </Link>
          ) : can(user, "use-case:create") ? (
            "Create the first one: frame the business need, its output and outcome."
          ) : (
            "Data scientists and business sponsors create use cases; they will appear here."
          )}
        </EmptyState>
      ) : (
        <>
          <div className="flex justify-end">
            <ColumnChooser columns={viewState.columns} inView={viewState.view !== null} />
          </div>
          {bulk ? (
            // Keyed by the query: another page or filter starts with nothing selected.
            <BulkSelection
              key={exportQuery + page}
              rows={result.items.map(({ key, title, version }) => ({ key, title, version }))}
              total={result.total}
            >
              <BulkBar
                people={people}
                filter={Object.fromEntries([...new URLSearchParams(exportQuery)].filter(([name]) => name !== "sort"))}
              />
              <UseCaseTable items={result.items} total={result.total} columns={viewState.columns} selectable />
            </BulkSelection>
          ) : (
            <UseCaseTable items={result.items} total={result.total} columns={viewState.columns} />
          )}
        </>
      )}
      {result.total > 0 && (
        <Pagination
          page={page}
          pages={pages}
          total={result.total}
          first={result.offset + 1}
          last={result.offset + result.items.length}
          hrefFor={hrefFor}
        />
      )}
    </div>
  );
}
