import Link from "next/link";
import { CriteriaList } from "@/components/gates/criteria-list";
import { DecisionForm } from "@/components/gates/decision-form";
import { DueLabel } from "@/components/gates/due-label";
import { InboxSearch } from "@/components/gates/inbox-search";
import { StageBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { BENEFIT_AREA_LABELS, ROLE_LABELS, STAGE_LABELS } from "@/lib/lifecycle";
import { formatMoney } from "@/lib/money";
import { queryParams } from "@/lib/query-params";
import { requireUser } from "@/server/auth/current-user";
import { getMyDelegation } from "@/server/delegations/my-delegation";
import { countInboxEntries, listReviewInbox } from "@/server/gates/review-inbox";
import { getLocale } from "@/server/locale";
import { listPeople } from "@/server/users/list-people";

export const metadata = { title: "Reviews" };

/** Reviews per page: each one carries its criteria and decision form. */
const PAGE_SIZE = 20;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The inbox: open gate reviews waiting for the signed-in user's role, with everything needed to
 * decide, oldest first, 20 a page; `?q=` finds a use case by key or title.
 */
export default async function ReviewsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/reviews");
  const query = queryParams(await searchParams);
  const q = query.q?.trim() || undefined;
  const page = Math.max(1, Number.parseInt(query.page ?? "1", 10) || 1);
  const locale = await getLocale();
  const money = (value: string | null | undefined, currency: string) => formatMoney(value, currency, locale);
  const [entries, total, people, delegation] = await Promise.all([
    listReviewInbox(user, { q, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    countInboxEntries(user, q),
    listPeople(),
    getMyDelegation(user),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const hrefFor = (target: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (target > 1) params.set("page", String(target));
    const search = params.toString();
    return search ? `/reviews?${search}` : "/reviews";
  };
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
      {(total > 0 || q) && <InboxSearch q={q ?? ""} />}
      {entries.length === 0 ? (
        q ? (
          <EmptyState boxed>
            No open review waiting for you matches “{q}”.{" "}
            <Link href="/reviews" className="text-brand-700 underline">
              Show every review
            </Link>
          </EmptyState>
        ) : page > 1 && total > 0 ? (
          <EmptyState boxed>
            This page is past the last review.{" "}
            <Link href="/reviews" className="text-brand-700 underline">
              Back to the first page
            </Link>
          </EmptyState>
        ) : (
          <EmptyState boxed>Nothing waits for you. New requests will appear here and in your notifications.</EmptyState>
        )
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
      {total > PAGE_SIZE && entries.length > 0 && (
        <Pagination
          page={page}
          pages={pages}
          total={total}
          first={(page - 1) * PAGE_SIZE + 1}
          last={(page - 1) * PAGE_SIZE + entries.length}
          hrefFor={hrefFor}
        />
      )}
    </div>
  );
}
