import { AttachmentList } from "@/components/attachments/attachment-list";
import { ReviewComments } from "@/components/comments/review-comments";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { formatDateTime } from "@/lib/dates";
import { DECISION_LABELS, ROLE_LABELS, STAGE_LABELS, STOP_REASON_LABELS } from "@/lib/lifecycle";
import { formatMoney } from "@/lib/money";
import type { CommentDto } from "@/server/comments/comment-dto";
import type { GateDto } from "@/server/gates/gate-dto";
import type { Reopening } from "@/server/gates/gate-overview";
import type { GateReleaseDto } from "@/server/registry/gate-release";
import { ReleaseLine } from "../toolchain/release-line";
import { CloseConditionButton } from "./close-condition-button";

type Event = { at: string; node: React.ReactNode };

/**
 * Every review of the use case (request, votes, decision, conditions, its comment thread)
 * and every reopening, newest first. `canClose` says who may mark a condition done (its
 * owner or an admin). The page reads every review's thread (`threads`) and release
 * (`releases`) in one query each, by review id.
 */
export function GateTimeline({
  reviews,
  reopenings,
  threads,
  releases,
  canClose,
  canComment,
  locale,
}: {
  reviews: GateDto[];
  reopenings: Reopening[];
  threads: Record<string, CommentDto[]>;
  releases: Record<string, GateReleaseDto>;
  canClose: (ownerId: string) => boolean;
  canComment: boolean;
  locale: string;
}) {
  const comments = (review: GateDto) => (
    <ReviewComments
      useCaseKey={review.useCaseKey}
      gateReviewId={review.id}
      initialComments={threads[review.id] ?? []}
      canComment={canComment}
    />
  );
  const events: Event[] = [
    ...reviews.map((review) => ({
      at: review.requestedAt,
      node: (
        <ReviewEntry
          review={review}
          canClose={canClose}
          locale={locale}
          comments={comments(review)}
          release={releases[review.id]}
        />
      ),
    })),
    ...reopenings.map((reopening) => ({
      at: reopening.at,
      node: (
        <p className="text-sm">
          <span className="font-medium">Reopened</span> by {reopening.by ?? "a removed user"} on{" "}
          <LocalDate value={reopening.at} time />: {reopening.reason}
        </p>
      ),
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (events.length === 0) return <EmptyState>No gate review yet.</EmptyState>;
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-4" aria-label="Gate timeline">
      {events.map((event, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sorted once per render, from two sources.
        <li key={index} className="relative">
          <span aria-hidden className="absolute -left-[1.4rem] top-1.5 h-3 w-3 rounded-full bg-slate-300" />
          {event.node}
        </li>
      ))}
    </ol>
  );
}

function ReviewEntry({
  review,
  canClose,
  locale,
  comments,
  release,
}: {
  review: GateDto;
  canClose: (ownerId: string) => boolean;
  locale: string;
  comments: React.ReactNode;
  release?: GateReleaseDto;
}) {
  const money = (value: string | null | undefined, currency: string) => formatMoney(value, currency, locale);
  const snapshot = review.estimateSnapshot;
  return (
    <article
      className="space-y-2 text-sm"
      aria-label={`Review ${review.gate} requested ${formatDateTime(review.requestedAt, locale)}`}
    >
      <h4 className="font-medium text-slate-900">
        {review.gate}: {STAGE_LABELS[review.fromStage]} → {STAGE_LABELS[review.toStage]}{" "}
        <span className="font-normal text-slate-500">
          {review.status === "OPEN"
            ? `· open, waiting for ${review.awaiting.map((role) => ROLE_LABELS[role]).join(" and ")}`
            : review.decision
              ? `· ${DECISION_LABELS[review.decision]}`
              : `· ${review.status.toLowerCase()}`}
        </span>
      </h4>
      <p className="text-slate-600">
        Requested by {review.requestedBy.name} on <LocalDate value={review.requestedAt} time />
        {review.note && <>: “{review.note}”</>}
      </p>
      {review.evidenceUrls.length > 0 && (
        <ul className="list-inside list-disc text-slate-600">
          {review.evidenceUrls.map((url) => (
            <li key={url}>
              <a href={url} className="text-brand-700 underline" target="_blank" rel="noreferrer noopener">
                {url}
              </a>
            </li>
          ))}
        </ul>
      )}
      {review.status !== "OPEN" && (
        <AttachmentList
          target="GATE_REVIEW"
          targetId={review.id}
          label={`the ${review.gate} request`}
          canUpload={false}
        />
      )}
      {release && <ReleaseLine review={review} release={release} />}
      {review.votes.map((vote) => (
        <p key={vote.role} className="text-slate-700">
          <span className="font-medium">{ROLE_LABELS[vote.role]}</span> ({vote.voter.name}
          {vote.onBehalfOf ? ` for ${vote.onBehalfOf.name}` : ""}): {DECISION_LABELS[vote.decision]}
          {vote.stopReason && ` (${STOP_REASON_LABELS[vote.stopReason]})`}
          {vote.revisitOn && `, revisit on ${vote.revisitOn}`} on <LocalDate value={vote.at} time />: “{vote.rationale}”
        </p>
      ))}
      {review.decision && review.decidedAt && (
        <p className="font-medium text-slate-900">
          Decided {DECISION_LABELS[review.decision]} on <LocalDate value={review.decidedAt} time />
          {snapshot?.ebitda.base &&
            ` on an estimate of ${money(snapshot.ebitda.low, snapshot.ebitda.currency)} – ${money(snapshot.ebitda.high, snapshot.ebitda.currency)} (base ${money(snapshot.ebitda.base, snapshot.ebitda.currency)})`}
          .
        </p>
      )}
      {review.conditions.some((condition) => condition.tracked) && (
        <ul className="space-y-1" aria-label="Conditions">
          {review.conditions
            .filter((condition) => condition.tracked)
            .map((condition) => (
              <li key={condition.id} className="flex flex-wrap items-center gap-2">
                <span className={condition.closedAt ? "text-slate-500 line-through" : ""}>{condition.text}</span>
                <span className="text-slate-500">
                  · {condition.owner.name} · due {condition.dueOn}
                </span>
                {condition.closedAt ? (
                  <span className="rounded bg-emerald-50 px-1.5 text-xs text-emerald-700">Done</span>
                ) : condition.overdue ? (
                  <span className="rounded bg-rose-50 px-1.5 text-xs font-medium text-rose-700">Overdue</span>
                ) : (
                  <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">Open</span>
                )}
                {!condition.closedAt && canClose(condition.owner.id) && (
                  <CloseConditionButton conditionId={condition.id} text={condition.text} />
                )}
              </li>
            ))}
        </ul>
      )}
      {comments}
    </article>
  );
}
