import Link from "next/link";
import { CompareSnapshotsForm } from "@/components/priority/compare-snapshots-form";
import { FundingComparison } from "@/components/priority/funding-comparison";
import { TakeSnapshotForm } from "@/components/priority/take-snapshot-form";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { PageHeader } from "@/components/ui/page-header";
import { Cell, ColumnHeader, DataTable, RowHeader } from "@/components/ui/table";
import { can } from "@/lib/permissions";
import { queryParams } from "@/lib/query-params";
import { requireUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";
import {
  compareFundingSnapshots,
  type FundingComparisonDto,
  listFundingSnapshots,
} from "@/server/priority/funding-snapshots";

export const metadata = { title: "Funding rounds" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Funding rounds: the snapshots of the ranked list, taking one, and what moved between two. */
export default async function FundingRoundsPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/portfolio/funding");
  const query = queryParams(await searchParams);
  const asked = Boolean(query.from || query.to);
  // The list and the comparison are read at once.
  const compared: Promise<{ comparison: FundingComparisonDto | null; compareError?: string }> = asked
    ? compareFundingSnapshots(user, { from: query.from ?? "", to: query.to ?? "" }).then(
        (comparison) => ({ comparison }),
        (error) => {
          if (!(error instanceof DomainError) || (error.code !== "NOT_FOUND" && error.code !== "VALIDATION"))
            throw error;
          return {
            comparison: null,
            compareError:
              error.code === "NOT_FOUND"
                ? "One of these snapshots was not found: choose two from the list."
                : "Choose an earlier and a later snapshot to compare.",
          };
        },
      )
    : Promise.resolve({ comparison: null });
  const [snapshots, { comparison, compareError }] = await Promise.all([listFundingSnapshots(user), compared]);
  // By default, the two newest: what moved since the round before.
  const from = query.from ?? snapshots[1]?.id ?? "";
  const to = query.to ?? snapshots[0]?.id ?? "";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Funding rounds"
        description="A funding-round snapshot freezes the ranked list as it stands: every scored use case with its rank, its score and the value each criterion gave it, its stage, base EBITDA and cost to date. Compare two snapshots to see what moved between rounds, and why; print one to hand out."
      />
      {can(user, "funding-snapshot:create") && (
        <section aria-labelledby="take-heading" className="rounded-lg border border-slate-200 bg-surface p-4">
          <h2 id="take-heading" className="mb-3 text-lg font-semibold">
            Take a snapshot
          </h2>
          <TakeSnapshotForm />
        </section>
      )}
      <section aria-labelledby="snapshots-heading" className="space-y-2">
        <h2 id="snapshots-heading" className="text-lg font-semibold">
          Snapshots ({snapshots.length})
        </h2>
        {snapshots.length === 0 ? (
          <EmptyState title="No snapshot yet" boxed>
            A snapshot is the ranked list of a funding round, frozen on the day it is taken: later scores and model
            changes do not touch it. Take one before each round (business users and admins can), then compare it with
            the next one to show what moved and why.
          </EmptyState>
        ) : (
          <DataTable
            caption="Funding-round snapshots, newest first"
            head={
              <>
                <ColumnHeader>Name</ColumnHeader>
                <ColumnHeader>Taken</ColumnHeader>
                <ColumnHeader>By</ColumnHeader>
                <ColumnHeader className="text-right">Model version</ColumnHeader>
                <ColumnHeader className="text-right">Use cases</ColumnHeader>
              </>
            }
          >
            {snapshots.map((snapshot) => (
              <tr key={snapshot.id} className="tabular-nums">
                <RowHeader>
                  <Link href={`/portfolio/funding/${snapshot.id}`} className="text-brand-700 hover:underline">
                    {snapshot.name}
                  </Link>
                </RowHeader>
                <Cell>
                  <LocalDate value={snapshot.takenAt} time />
                </Cell>
                <Cell>{snapshot.createdBy.name}</Cell>
                <Cell className="text-right">{snapshot.modelVersion}</Cell>
                <Cell className="text-right">{snapshot.count}</Cell>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="compare-heading" className="space-y-3">
        <h2 id="compare-heading" className="text-lg font-semibold">
          Compare two snapshots
        </h2>
        {snapshots.length < 2 && !asked ? (
          <EmptyState>
            Take a second snapshot to compare the two: what moved up or down, what is new, and why.
          </EmptyState>
        ) : (
          <CompareSnapshotsForm snapshots={snapshots} from={from} to={to} />
        )}
        {compareError && (
          <p role="alert" className="text-sm text-rose-700">
            {compareError}
          </p>
        )}
        {comparison && <FundingComparison comparison={comparison} />}
      </section>
    </div>
  );
}
