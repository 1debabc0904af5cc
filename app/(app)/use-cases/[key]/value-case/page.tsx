import Link from "next/link";
import { notFound } from "next/navigation";
import { StageBadge, StatusBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { PrintButton } from "@/components/ui/print-button";
import { ValueStatement } from "@/components/use-case/value-statement";
import { ValueSection } from "@/components/value/value-section";
import { requireUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";
import { getUseCase } from "@/server/use-cases/get-use-case";
import { getValueCase } from "@/server/value/value-case";

type Params = Promise<{ key: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  return { title: `${(await params).key} value case` };
}

/** The one-page value case: print it, or print to PDF. The app shell is hidden in print. */
export default async function ValueCasePage({ params }: { params: Params }) {
  const { key } = await params;
  const user = await requireUser(`/use-cases/${key}/value-case`);
  const useCase = await getUseCase(user, key).catch((error) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const value = await getValueCase(user, key);
  return (
    <article className="mx-auto max-w-3xl space-y-5 print:max-w-none print:space-y-3 print:[zoom:0.9]">
      <div className="flex items-center justify-between print:hidden">
        <Link href={`/use-cases/${useCase.key}#value`} className="text-sm text-slate-600 hover:underline">
          ← Back to {useCase.key}
        </Link>
        <PrintButton />
      </div>
      <header className="space-y-2">
        <p className="text-xs uppercase tracking-wide text-slate-500">
          Value case · {useCase.key} · printed <LocalDate value={new Date().toISOString()} />
        </p>
        <h1 className="text-2xl font-semibold">{useCase.title}</h1>
        <div className="flex gap-2">
          <StageBadge stage={useCase.stage} />
          <StatusBadge status={useCase.status} />
        </div>
        <ValueStatement output={useCase.output} outcome={useCase.outcome} benefitArea={useCase.benefitArea} />
        <p className="text-sm text-slate-600">
          Owner {useCase.owner?.name ?? "—"} · Sponsor {useCase.sponsor?.name ?? "none yet"}
        </p>
      </header>
      <ValueSection useCaseKey={useCase.key} value={value} interactive={false} />
      <section
        aria-labelledby="decisions-heading"
        className="space-y-2 rounded-lg border border-slate-200 bg-surface p-5 print:break-inside-avoid"
      >
        <h2 id="decisions-heading" className="text-lg font-semibold">
          Decisions so far
        </h2>
        {value.decisions.length === 0 ? (
          <EmptyState>No gate decided yet.</EmptyState>
        ) : (
          <ol className="space-y-1 text-sm">
            {value.decisions.map((decision) => (
              <li key={decision.decidedAt}>
                <span className="font-medium">
                  {decision.gate} {decision.label}
                </span>{" "}
                on <LocalDate value={decision.decidedAt} />
                {decision.rationale && `: “${decision.rationale}”`}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
