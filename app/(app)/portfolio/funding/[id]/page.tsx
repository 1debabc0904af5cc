import Link from "next/link";
import { notFound } from "next/navigation";
import { SnapshotTable } from "@/components/priority/snapshot-table";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { PrintButton } from "@/components/ui/print-button";
import { requireUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";
import { getLocale } from "@/server/locale";
import { getFundingSnapshot } from "@/server/priority/funding-snapshots";

type Params = Promise<{ id: string }>;

export const metadata = { title: "Funding-round snapshot" };

/** A snapshot's frozen ranked list on one printable page (print, or print to PDF). The app shell is hidden in print. */
export default async function FundingSnapshotPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requireUser(`/portfolio/funding/${id}`);
  const snapshot = await getFundingSnapshot(user, id).catch((error) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const locale = await getLocale();
  const { model } = snapshot;
  return (
    <article className="mx-auto max-w-6xl space-y-4 print:max-w-none print:space-y-2">
      <div className="flex items-center justify-between print:hidden">
        <Link href="/portfolio/funding" className="text-sm text-slate-600 hover:underline">
          ← Funding rounds
        </Link>
        <PrintButton />
      </div>
      <header className="space-y-1">
        <p className="text-xs uppercase tracking-wide text-slate-500">
          Funding-round snapshot · taken <LocalDate value={snapshot.takenAt} time /> by {snapshot.createdBy.name}
        </p>
        <h1 className="text-2xl font-semibold print:text-xl">{snapshot.name}</h1>
        <p className="text-sm text-slate-600 print:text-xs">
          {snapshot.count} ranked use {snapshot.count === 1 ? "case" : "cases"} · scoring model version{" "}
          {snapshot.modelVersion} ({model.formula === "RICE" ? "RICE" : "weighted criteria"}) · a criterion&apos;s value
          is the mean of its scores, or its derived 1–5; an unscored one counts as its lowest. Frozen when taken: later
          scores do not change it.
        </p>
      </header>
      {snapshot.rows.length === 0 ? (
        <EmptyState>No use case was scored when this snapshot was taken: its ranked list is empty.</EmptyState>
      ) : (
        <SnapshotTable snapshot={snapshot} locale={locale} />
      )}
    </article>
  );
}
