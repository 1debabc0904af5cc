import Link from "next/link";
import { RiskCountsTable } from "@/components/risk/risk-counts-table";
import { RiskHeatMap } from "@/components/risk/risk-heat-map";
import { RiskTierBadge } from "@/components/risk/risk-tier-badge";
import { StageBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { STAGE_LABELS } from "@/lib/lifecycle";
import { RISK_TIER_LABELS } from "@/lib/risk-screening";
import { requireUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";
import { getRiskPortfolio, type RiskPortfolio } from "@/server/portfolio/risk-portfolio";

export const metadata = { title: "Risk portfolio" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The portfolio's risk: the heat map of open risks, counts per tier and per stage, one cell's risks. */
export default async function RisksPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/risks");
  const search = await searchParams;
  let portfolio: RiskPortfolio;
  let filterError: string | null = null;
  try {
    portfolio = await getRiskPortfolio(user, { likelihood: one(search.likelihood), impact: one(search.impact) });
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "VALIDATION") throw error;
    // A hand-edited address: show the whole portfolio and say why the cell was left out.
    filterError = error.details.errors?.[0]?.message ?? error.message;
    portfolio = await getRiskPortfolio(user, {});
  }
  const { cell } = portfolio;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Risk portfolio"
        description="Where the open risks of every use case's register sit, by likelihood and impact, and how the portfolio spreads over the EU AI Act tiers. A screening aid, not legal advice."
      />
      {filterError && (
        <p role="alert" className="text-sm text-rose-700">
          {filterError} Showing the whole portfolio.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-[auto_1fr]">
        <section
          aria-labelledby="heat-map-heading"
          className="space-y-2 rounded-lg border border-slate-200 bg-surface p-5"
        >
          <h2 id="heat-map-heading" className="text-lg font-semibold">
            Heat map · {portfolio.openRisks} open {portfolio.openRisks === 1 ? "risk" : "risks"}
          </h2>
          <RiskHeatMap cells={portfolio.cells} selected={cell} />
        </section>
        <div className="space-y-6">
          <RiskCountsTable
            id="per-tier"
            title="Per tier"
            groupLabel="Tier"
            rows={portfolio.byTier.map((row) => ({
              key: row.tier ?? "none",
              useCases: row.useCases,
              openRisks: row.openRisks,
              label: (
                <Link href={row.tier ? `/use-cases?riskTier=${row.tier}` : "/use-cases"} className="hover:underline">
                  <RiskTierBadge tier={row.tier} />
                  <span className="sr-only">
                    {" "}
                    (list the {row.tier ? RISK_TIER_LABELS[row.tier].toLowerCase() : "unscreened"} use cases)
                  </span>
                </Link>
              ),
            }))}
          />
          <RiskCountsTable
            id="per-stage"
            title="Per stage"
            groupLabel="Stage"
            rows={portfolio.byStage.map((row) => ({ key: row.stage, label: STAGE_LABELS[row.stage], ...row }))}
          />
        </div>
      </div>
      <section
        id="open-risks"
        aria-labelledby="open-risks-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-surface p-5"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="open-risks-heading" className="text-lg font-semibold">
            {cell
              ? `Open risks of likelihood ${cell.likelihood} and impact ${cell.impact}`
              : "The highest-scoring open risks"}
          </h2>
          {cell && (
            <Link href="/risks#open-risks" className="text-sm text-brand-700 underline">
              Show the highest-scoring of all
            </Link>
          )}
        </div>
        {portfolio.risks.length === 0 ? (
          <EmptyState>
            {cell
              ? "No open risk in this cell."
              : "No open risk in any register yet. Risks are recorded on each use case's risk page."}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Open risks">
            {portfolio.risks.map((risk) => (
              <li key={risk.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                <span className="w-8 font-semibold tabular-nums">
                  <span className="sr-only">Score </span>
                  {risk.score}
                </span>
                <Link
                  href={`/use-cases/${risk.useCase.key}/risk#register`}
                  className="font-medium text-brand-700 underline"
                >
                  {risk.title}
                </Link>
                <span className="text-slate-600">
                  {risk.useCase.key} {risk.useCase.title}
                </span>
                <StageBadge stage={risk.useCase.stage} />
                <RiskTierBadge tier={risk.useCase.riskTier} />
                {!risk.mitigation && <span className="text-xs text-rose-700">No mitigation</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
