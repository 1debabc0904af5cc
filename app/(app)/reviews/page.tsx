import Link from "next/link";
import { CriteriaList } from "@/components/gates/criteria-list";
import { DecisionForm } from "@/components/gates/decision-form";
import { DueLabel } from "@/components/gates/due-label";
import { StageBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { PageHeader } from "@/components/ui/page-header";
import { BENEFIT_AREA_LABELS, ROLE_LABELS, STAGE_LABELS } from "@/lib/lifecycle";
import { formatMoney } from "@/lib/money";
import { requireUser } from "@/server/auth/current-user";
import { getMyDelegation } from "@/server/delegations/my-delegation";
import { listReviewInbox } from "@/server/gates/review-inbox";
import { getLocale } from "@/server/locale";
import { listPeople } from "@/server/users/list-people";

export const metadata = { title: "Reviews" };

/** The inbox: open gate reviews waiting for the signed-in user's role, with everything needed to decide. */
export default async function ReviewsPage() {
  const user = await requireUser("/reviews");
  const locale = await getLocale();
  const money = (value: string | null | undefined, currency: string) => formatMoney(value, currency, locale);
  const [entries, people, delegation] = await Promise.all([listReviewInbox(user), listPeople(), getMyDelegation(user)]);
  const actingFor = delegation.actingFor.map((d) => d.user);
  const deciding = entries.some((entry) => entry.canDecide);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Reviews"
        description={
          user.role === "ADMIN"
            ? "Every open gate review. Admins follow them; business and IT decide."
            : deciding || user.role === "BUSINESS" || user.role === "IT"
              ? `Open gate reviews waiting for a ${ROLE_LABELS[user.role]} decision, oldest first.`
              : "Gate reviews are decided by business and IT. Your requests appear on each use case's page."
        }
      />
      {entries.length === 0 ? (
        <EmptyState boxed>Nothing waits for you. New requests will appear here and in your notifications.</EmptyState>
      ) : (
        <ul className="space-y-6">
          {entries.map(({ review, useCase, criteria, canDecide }) => (
            <li key={review.id}>
              <article
                aria-label={`${useCase.key} ${useCase.title}`}
                className="space-y-4 rounded-lg border border-slate-200 bg-surface p-5"
              >
                <header className="flex flex-wrap items-center gap-3">
                  <span className="font-mono text-sm text-slate-500">{useCase.key}</span>
                  <StageBadge stage={useCase.stage} />
                  <h2 className="text-lg font-semibold">
                    <Link href={`/use-cases/${useCase.key}`} className="hover:underline">
                      {useCase.title}
                    </Link>
                  </h2>
                </header>
                <p className="text-sm text-slate-700">
                  Gate {review.gate}: {STAGE_LABELS[review.fromStage]} → {STAGE_LABELS[review.toStage]}, requested by{" "}
                  {review.requestedBy.name} on <LocalDate value={review.requestedAt} />
                  {review.awaiting.length > 0 &&
                    `; waiting for ${review.awaiting.map((role) => ROLE_LABELS[role]).join(" and ")}`}
                  . <DueLabel due={review.due} />
                  {review.due && "."}
                </p>
                {review.note && (
                  <blockquote className="border-l-4 border-slate-200 pl-3 text-sm">{review.note}</blockquote>
                )}
                <div className="grid gap-4 md:grid-cols-2">
                  <dl className="space-y-2 text-sm">
                    <div>
                      <dt className="text-xs uppercase text-slate-500">Output</dt>
                      <dd>{useCase.output || "—"}</dd>
                    </div>
                    <div>
                      <dt className="text-xs uppercase text-slate-500">Outcome</dt>
                      <dd>{useCase.outcome || "—"}</dd>
                    </div>
                    <div>
                      <dt className="text-xs uppercase text-slate-500">Value</dt>
                      <dd>
                        {useCase.benefitArea ? `${BENEFIT_AREA_LABELS[useCase.benefitArea]} · ` : ""}
                        {useCase.ebitda.base
                          ? `EBITDA ${money(useCase.ebitda.low, useCase.ebitda.currency)} – ${money(useCase.ebitda.high, useCase.ebitda.currency)} (base ${money(useCase.ebitda.base, useCase.ebitda.currency)}) per year`
                          : "no estimate"}
                      </dd>
                    </div>
                    {review.evidenceUrls.length > 0 && (
                      <div>
                        <dt className="text-xs uppercase text-slate-500">Evidence</dt>
                        <dd>
                          <ul>
                            {review.evidenceUrls.map((url) => (
                              <li key={url}>
                                <a
                                  href={url}
                                  className="text-brand-700 underline"
                                  target="_blank"
                                  rel="noreferrer noopener"
                                >
                                  {url}
                                </a>
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                    )}
                  </dl>
                  <div className="space-y-2">
                    <h3 className="text-xs uppercase text-slate-500">Entry criteria</h3>
                    <CriteriaList criteria={criteria} useCaseKey={useCase.key} />
                  </div>
                </div>
                {canDecide && (
                  <DecisionForm
                    reviewId={review.id}
                    people={people}
                    ownerId={useCase.ownerId}
                    actingFor={actingFor.filter((person) => person.id !== review.requestedBy.id)}
                  />
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
