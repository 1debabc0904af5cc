import { AttachmentList } from "@/components/attachments/attachment-list";
import { ROLE_LABELS, STAGE_LABELS, type UseCaseStatus } from "@/lib/lifecycle";
import { type Actor, can } from "@/lib/permissions";
import type { CommentDto } from "@/server/comments/comment-dto";
import type { GateOverview } from "@/server/gates/gate-overview";
import type { GateReleaseDto } from "@/server/registry/gate-release";
import { CriteriaList } from "./criteria-list";
import { DECISION_FORM_ID, DecisionForm } from "./decision-form";
import { DueLabel } from "./due-label";
import { GateTimeline } from "./gate-timeline";
import { ReopenForm } from "./reopen-form";
import { RequestGateForm } from "./request-gate-form";
import { TierRaisedNotice } from "./tier-raised-notice";

/**
 * The use case's gates: what blocks the next one, the open review (and its decision form), the
 * timeline (with each review's comment thread and release, by review id).
 */
export function GatePanel({
  useCase,
  overview,
  threads,
  releases,
  user,
  people,
  locale,
}: {
  useCase: { key: string; status: UseCaseStatus; ownerId: string; sponsorId: string | null };
  overview: GateOverview;
  threads: Record<string, CommentDto[]>;
  releases: Record<string, GateReleaseDto>;
  user: Actor;
  people: { id: string; name: string }[];
  locale: string;
}) {
  const { next, openReview } = overview;
  return (
    <section
      id="gates"
      aria-labelledby="gates-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-surface p-5"
    >
      <h2 id="gates-heading" className="text-lg font-semibold">
        Gates
      </h2>
      {overview.tierRaised && <TierRaisedNotice raised={overview.tierRaised} useCaseKey={useCase.key} />}
      {next ? (
        <div className="space-y-3">
          <h3 className="text-sm font-semibold text-slate-800">
            Next gate {next.id}: {STAGE_LABELS[next.from]} → {STAGE_LABELS[next.to]}
            <span className="ml-2 font-normal text-slate-500">
              decided by {next.deciders.map((role) => ROLE_LABELS[role]).join(" and ")}
            </span>
          </h3>
          <CriteriaList criteria={overview.criteria} useCaseKey={useCase.key} />
          {overview.canRequest && <RequestGateForm useCaseKey={useCase.key} gateName={next.id} />}
          {!overview.canRequest && overview.requestBlocked && !openReview && (
            <p className="text-sm text-slate-600">{overview.requestBlocked}</p>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          In production: every gate is passed. Realised value is tracked from here.
        </p>
      )}

      {openReview && (
        <div className="space-y-3 rounded-md border border-brand-200 bg-brand-50/40 p-4">
          <h3 className="text-sm font-semibold text-slate-900">
            Review {openReview.gate} is open, waiting for{" "}
            {openReview.awaiting.map((role) => ROLE_LABELS[role]).join(" and ")}
          </h3>
          {openReview.due && (
            <p className="text-sm">
              <DueLabel due={openReview.due} />
            </p>
          )}
          <div className="space-y-1">
            <h4 className="text-sm font-medium text-slate-800">Evidence for this request</h4>
            <AttachmentList
              target="GATE_REVIEW"
              targetId={openReview.id}
              label={`the ${openReview.gate} request`}
              canUpload={can(user, "gate:request", useCase)}
            />
          </div>
          {overview.canDecide ? (
            <DecisionForm
              formId={DECISION_FORM_ID}
              reviewId={openReview.id}
              people={people}
              ownerId={useCase.ownerId}
            />
          ) : (
            <p className="text-sm text-slate-600">
              {openReview.requestedBy.id === user.id
                ? "You requested this review; the deciders will be told."
                : "Your role does not decide this gate."}
            </p>
          )}
        </div>
      )}

      {useCase.status === "STOPPED" && can(user, "use-case:reopen") && <ReopenForm useCaseKey={useCase.key} />}

      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-800">Timeline</h3>
        <GateTimeline
          reviews={overview.history}
          reopenings={overview.reopenings}
          threads={threads}
          releases={releases}
          canClose={(ownerId) => can(user, "condition:close", { ownerId })}
          canComment={can(user, "comment:create")}
          locale={locale}
        />
      </div>
    </section>
  );
}
