import Link from "next/link";
import { notFound } from "next/navigation";
import { AttachmentsProvider } from "@/components/attachments/attachments-context";
import { ActivitySection } from "@/components/audit/activity-section";
import { ChecklistSection } from "@/components/checklist/checklist-section";
import { UseCaseCommands } from "@/components/command-palette/use-case-commands";
import { DiscussionSection } from "@/components/comments/discussion-section";
import { FeedbackSection } from "@/components/feedback/feedback-section";
import { GatePanel } from "@/components/gates/gate-panel";
import { PlanSection } from "@/components/plans/plan-section";
import { ScoringSection } from "@/components/priority/scoring-section";
import { RiskSummarySection } from "@/components/risk/risk-summary-section";
import { RiskTierBadge } from "@/components/risk/risk-tier-badge";
import { ServicesSection } from "@/components/services/services-section";
import { DriftWarning } from "@/components/toolchain/drift-warning";
import { StageBadge, StatusBadge } from "@/components/ui/badges";
import { ChangesSinceVisit } from "@/components/use-case/changes-since-visit";
import { StageStepper } from "@/components/use-case/stage-stepper";
import { UseCaseDetail } from "@/components/use-case/use-case-detail";
import { ValueRangeBar } from "@/components/use-case/value-range-bar";
import { ValueStatement } from "@/components/use-case/value-statement";
import { ValueSection } from "@/components/value/value-section";
import { CHECKLIST_STAGES } from "@/lib/checklist-templates";
import { STAGES } from "@/lib/lifecycle";
import { can } from "@/lib/permissions";
import { listAttachments } from "@/server/attachments/list-attachments";
import { listAuditEvents } from "@/server/audit/list-events";
import { requireUser } from "@/server/auth/current-user";
import { getChecklist } from "@/server/checklists/get-checklist";
import { listComments, listReviewThreads } from "@/server/comments/list-comments";
import { DomainError } from "@/server/errors";
import { listFeedback } from "@/server/feedback/feedback";
import { getGateOverview } from "@/server/gates/gate-overview";
import { getLocale } from "@/server/locale";
import { getPlan } from "@/server/plans/get-plan";
import { getScores } from "@/server/priority/scores";
import { getScoringModel } from "@/server/priority/scoring-model";
import { releasesOf } from "@/server/registry/gate-release";
import { listDriftedModels } from "@/server/registry/model-links";
import { getModelCard } from "@/server/risk/get-model-card";
import { listRisks } from "@/server/risk/list-risks";
import { listServices } from "@/server/services/services";
import { getUseCase } from "@/server/use-cases/get-use-case";
import { listPeople } from "@/server/users/list-people";
import { getValueCase } from "@/server/value/value-case";
import { changesSince } from "@/server/visits/changes-since";
import { recordVisit } from "@/server/visits/use-case-visits";

type Params = Promise<{ key: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  return { title: (await params).key };
}

export default async function UseCasePage({ params }: { params: Params }) {
  const { key } = await params;
  const user = await requireUser(`/use-cases/${key}`);
  const useCase = await getUseCase(user, key).catch((error) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const canEdit = can(user, "use-case:update", useCase);
  const checklistStages = CHECKLIST_STAGES.filter(
    (stage) => useCase.stage !== "POC" && STAGES.indexOf(stage) <= STAGES.indexOf(useCase.stage),
  );
  // The changes since the reader's last visit are counted from before this one.
  const previousVisit = await recordVisit(user.id, useCase.key);
  const [
    locale,
    people,
    overview,
    feedback,
    services,
    checklists,
    value,
    comments,
    activity,
    changes,
    plan,
    files,
    risks,
    card,
    scores,
    model,
    drifted,
  ] = await Promise.all([
    getLocale(),
    listPeople(),
    getGateOverview(user, key),
    listFeedback(user, key),
    listServices(user, key),
    Promise.all(checklistStages.map((stage) => getChecklist(user, key, stage))),
    getValueCase(user, key),
    listComments(user, key),
    listAuditEvents(user, { useCase: key, limit: 20 }),
    changesSince(user, key, {}, previousVisit),
    getPlan(user, key),
    listAttachments(user, key),
    listRisks(user, key),
    getModelCard(user, key),
    getScores(user, key),
    getScoringModel(user),
    listDriftedModels(user, key),
  ]);
  // The gate timeline's threads and releases, by review id: read only when there is a review.
  const reviewIds = overview.history.map((review) => review.id);
  const [reviewThreads, releases] =
    reviewIds.length > 0 ? await Promise.all([listReviewThreads(user, key), releasesOf(reviewIds)]) : [{}, {}];
  return (
    <div className="space-y-6">
      <UseCaseCommands
        useCase={{ key: useCase.key, title: useCase.title }}
        requestGate={overview.canRequest ? overview.next?.id : undefined}
        decideGate={overview.canDecide ? overview.openReview?.gate : undefined}
      />
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/use-cases" className="hover:underline">
          Use cases
        </Link>{" "}
        <span aria-hidden>/</span> {useCase.key}
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <span className="font-mono text-sm text-slate-600">{useCase.key}</span>
          <StageBadge stage={useCase.stage} />
          <StatusBadge status={useCase.status} />
          <Link href={`/use-cases/${useCase.key}/risk`} className="rounded-full hover:underline">
            <RiskTierBadge tier={useCase.riskTier} />
            <span className="sr-only"> (open the risk screening)</span>
          </Link>
        </div>
        <h1 className="text-2xl font-semibold">{useCase.title}</h1>
        <ValueStatement output={useCase.output} outcome={useCase.outcome} benefitArea={useCase.benefitArea} />
        <div className="flex flex-col gap-6 pt-2 lg:flex-row lg:items-start lg:justify-between">
          <StageStepper stage={useCase.stage} openGate={overview.openReview?.gate ?? null} />
          <ValueRangeBar ebitda={useCase.ebitda} locale={locale} />
        </div>
      </header>
      <ChangesSinceVisit useCaseKey={useCase.key} changes={changes} />
      <DriftWarning useCaseKey={useCase.key} drifted={drifted} />
      <nav
        aria-label="On this page"
        className="sticky top-0 z-10 -mx-2 flex flex-wrap gap-1 bg-slate-50/95 px-2 py-2 text-sm backdrop-blur print:hidden"
      >
        {(
          [
            ["details", "Details", changes.summary.fields.length],
            ["value", "Value", changes.summary.value],
            ["priority", "Priority", 0],
            ["gates", "Gates", changes.summary.gates],
            ["risk", "Risk", 0],
            ["plan", "Plan", 0],
            ["feedback", "Feedback", 0],
            ["checklist", "Checklists", changes.summary.checklists],
            ["services", "Services", changes.summary.services],
            ["discussion", "Discussion", changes.summary.discussion],
            ["activity", "Activity", 0],
          ] as const
        ).map(([id, label, changed]) => (
          <a
            key={id}
            href={`#${id}`}
            className="rounded-md px-2.5 py-1 text-slate-700 hover:bg-surface hover:shadow-sm"
          >
            {label}
            {changed > 0 && (
              <>
                <span aria-hidden className="ml-1 inline-block size-2 rounded-full bg-amber-500 align-middle" />
                <span className="sr-only"> (changed since your last visit)</span>
              </>
            )}
          </a>
        ))}
        <a
          href={`/use-cases/${useCase.key}/toolchain`}
          className="rounded-md px-2.5 py-1 text-slate-700 hover:bg-surface hover:shadow-sm"
        >
          Models and code
        </a>
      </nav>
      <section id="details" aria-label="Details">
        <UseCaseDetail
          useCase={useCase}
          people={canEdit ? people : []}
          canEdit={canEdit}
          changedFields={changes.summary.fields}
        />
      </section>
      <ValueSection useCaseKey={useCase.key} value={value} />
      <ScoringSection scores={scores} model={model} userId={user.id} canScore={can(user, "score:create", useCase)} />
      <AttachmentsProvider
        value={{ useCaseKey: useCase.key, files, userId: user.id, canDeleteAny: can(user, "attachment:delete-any") }}
      >
        <GatePanel
          useCase={useCase}
          overview={overview}
          threads={reviewThreads}
          releases={releases}
          user={user}
          people={people}
          locale={locale}
        />
        <RiskSummarySection useCaseKey={useCase.key} tier={useCase.riskTier} risks={risks} card={card} />
        <PlanSection plan={plan} canEdit={can(user, "plan:update", useCase)} locale={locale} />
        <FeedbackSection useCaseKey={useCase.key} feedback={feedback} canAdd={can(user, "feedback:create")} />
        <ChecklistSection
          checklists={checklists}
          stage={useCase.stage}
          canEdit={can(user, "checklist:update", useCase)}
          canSignOff={can(user, "checklist:sign-off")}
          people={people}
        />
      </AttachmentsProvider>
      <ServicesSection useCaseKey={useCase.key} services={services} canManage={can(user, "service:manage", useCase)} />
      <DiscussionSection useCaseKey={useCase.key} comments={comments} canComment={can(user, "comment:create")} />
      <ActivitySection
        useCaseKey={useCase.key}
        events={activity.items}
        more={activity.nextCursor !== null}
        currency={useCase.ebitda.currency}
        locale={locale}
      />
    </div>
  );
}
