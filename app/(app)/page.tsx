import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { ChangedSinceList } from "@/components/dashboard/changed-since-list";
import { DashboardLists } from "@/components/dashboard/dashboard-lists";
import { FiltersBar } from "@/components/dashboard/filters-bar";
import { PortfolioView } from "@/components/dashboard/portfolio-view";
import { GettingStartedChecklist } from "@/components/onboarding/getting-started-checklist";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { formatMoney } from "@/lib/money";
import { can } from "@/lib/permissions";
import { portfolioQueryKey } from "@/lib/query-keys";
import { filterQuery, filtersFromSearch, PortfolioFiltersSchema } from "@/lib/validation/portfolio";
import { requireUser } from "@/server/auth/current-user";
import { listHandover } from "@/server/checklists/handover-queue";
import { getLocale } from "@/server/locale";
import { getGettingStarted } from "@/server/onboarding/getting-started";
import { cachedPortfolioSummary } from "@/server/portfolio/cached-summary";
import { biggestMovers, dashboardLists, myUseCases } from "@/server/portfolio/dashboard-lists";
import { listPeople, listTeams } from "@/server/users/list-people";
import { changedSinceLastLooked } from "@/server/visits/changed-for-me";

export const metadata = { title: "Dashboard" };

const VIEWS = { business: "Business", ds: "Data scientist", it: "IT" } as const;
type View = keyof typeof VIEWS;
const DEFAULT_VIEW: Record<string, View> = { BUSINESS: "business", ADMIN: "business", DATA_SCIENTIST: "ds", IT: "it" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The first screen: the portfolio for the user's group, filtered in the URL. */
export default async function DashboardPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser();
  const raw = await searchParams;
  const requested = typeof raw.view === "string" ? raw.view : "";
  const view: View = requested in VIEWS ? (requested as View) : (DEFAULT_VIEW[user.role] ?? "business");
  const parsed = PortfolioFiltersSchema.safeParse(filtersFromSearch(raw));
  const filters = parsed.success ? parsed.data : {};
  const query = filterQuery(filters);
  const locale = await getLocale();

  const queryClient = new QueryClient();
  // The summary and the lists at once: a cold summary (after any write) is the page's longest wait.
  const [, lists, teams, people, mine, movers, handover, guide, changed] = await Promise.all([
    queryClient.prefetchQuery({
      queryKey: portfolioQueryKey(query),
      queryFn: () => cachedPortfolioSummary(user, filters),
    }),
    dashboardLists(user, filters),
    listTeams(),
    listPeople(),
    view === "ds" ? myUseCases(user, filters) : [],
    view === "business" ? biggestMovers(user, filters) : [],
    view === "it" ? listHandover(user, "progress") : [],
    getGettingStarted(user),
    changedSinceLastLooked(user),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Portfolio"
        description="From proof of concept to production, at a glance."
        actions={
          <>
            <ButtonLink variant="secondary" href={`/portfolio/print${query ? `?${query}` : ""}`}>
              Printable summary
            </ButtonLink>
            {can(user, "use-case:create") && <ButtonLink href="/use-cases/new">New use case</ButtonLink>}
          </>
        }
      />
      {guide && !guide.dismissed && <GettingStartedChecklist guide={guide} />}
      <ChangedSinceList useCases={changed} />
      <nav aria-label="Views" className="flex gap-1 border-b border-slate-200 print:hidden">
        {(Object.keys(VIEWS) as View[]).map((key) => (
          <Link
            key={key}
            href={`/?${filterQuery(filters, { view: key })}`}
            aria-current={key === view ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${key === view ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {VIEWS[key]}
          </Link>
        ))}
      </nav>
      <FiltersBar filters={filters} keep={{ view }} teams={teams} people={people} />
      {!parsed.success && (
        <p role="status" className="text-sm text-amber-800">
          Some filters in the address were not understood and are ignored.
        </p>
      )}

      {view === "ds" && (
        <section aria-labelledby="mine-heading" className="rounded-lg border border-slate-200 bg-surface p-4">
          <h2 id="mine-heading" className="text-sm font-semibold text-slate-800">
            My use cases, and what blocks each one's next gate
          </h2>
          {mine.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">
              You own no active use case. Create one, or ask to be made owner.
            </p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {mine.map((u) => (
                <li key={u.key} className="py-2">
                  <Link href={`/use-cases/${u.key}#gates`} className="font-medium hover:underline">
                    <span className="font-mono text-xs text-slate-500">{u.key}</span> {u.title}
                  </Link>{" "}
                  <span className="text-slate-500">
                    ·{" "}
                    {u.next ? (u.next.state === "open" ? `${u.next.gate} review open` : u.next.gate) : "in production"}
                    {u.status !== "ACTIVE" && ` · ${u.status.toLowerCase()}`}
                  </span>
                  {u.next?.state === "blocked" && (
                    <ul className="ml-4 list-disc text-slate-600">
                      {u.blockers.map((b) => (
                        <li key={b}>{b}</li>
                      ))}
                    </ul>
                  )}
                  {u.next?.state === "ready" && (
                    <p className="text-emerald-700">Ready: request the {u.next.gate} review.</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {view === "it" && (
        <section aria-labelledby="handover-heading" className="rounded-lg border border-slate-200 bg-surface p-4">
          <h2 id="handover-heading" className="text-sm font-semibold text-slate-800">
            Handover queue{" "}
            <Link href="/handover" className="font-normal text-brand-700 underline">
              all
            </Link>
          </h2>
          {handover.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">No use case is in packaging.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {handover.slice(0, 8).map((row) => (
                <li key={row.key} className="py-1.5">
                  <Link href={`/use-cases/${row.key}#checklist`} className="hover:underline">
                    <span className="font-mono text-xs text-slate-500">{row.key}</span> {row.title}
                  </Link>{" "}
                  <span className="text-slate-500">
                    · {row.closed}/{row.total} done{row.signedOff ? " · signed off" : ""} · {row.daysInStage} days
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <HydrationBoundary state={dehydrate(queryClient)}>
        <PortfolioView query={query} valueFirst={view === "business"} />
      </HydrationBoundary>

      {view === "business" && (
        <section aria-labelledby="movers-heading" className="rounded-lg border border-slate-200 bg-surface p-4">
          <h2 id="movers-heading" className="text-sm font-semibold text-slate-800">
            Biggest movers since their last gate decision
          </h2>
          {movers.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">No estimate moved since its last gate.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {movers.map((m) => (
                <li key={m.key} className="py-1.5">
                  <Link href={`/use-cases/${m.key}#value`} className="hover:underline">
                    <span className="font-mono text-xs text-slate-500">{m.key}</span> {m.title}
                  </Link>{" "}
                  <span className={m.change.startsWith("-") ? "text-rose-700" : "text-emerald-700"}>
                    {m.change.startsWith("-") ? "" : "+"}
                    {formatMoney(m.change, m.currency, locale)}
                  </span>{" "}
                  <span className="text-slate-500">
                    ({formatMoney(m.from, m.currency, locale)} → {formatMoney(m.to, m.currency, locale)})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <DashboardLists lists={lists} />
    </div>
  );
}
