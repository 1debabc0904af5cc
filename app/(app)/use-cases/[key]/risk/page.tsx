import Link from "next/link";
import { notFound } from "next/navigation";
import { AttachmentsProvider } from "@/components/attachments/attachments-context";
import { AssessmentHistory } from "@/components/risk/assessment-history";
import { ReviewForm } from "@/components/risk/review-form";
import { RiskRegister } from "@/components/risk/risk-register";
import { RiskTierBadge } from "@/components/risk/risk-tier-badge";
import { ScreeningForm } from "@/components/risk/screening-form";
import { can } from "@/lib/permissions";
import { ASSESSMENT_STATUS_LABELS, RISK_TIER_DESCRIPTIONS } from "@/lib/risk-screening";
import { listAttachments } from "@/server/attachments/list-attachments";
import { requireUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";
import { getAssessment } from "@/server/risk/get-assessment";
import { listRisks } from "@/server/risk/list-risks";
import { getUseCase } from "@/server/use-cases/get-use-case";
import { listPeople } from "@/server/users/list-people";

type Params = Promise<{ key: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  return { title: `${(await params).key} risk screening` };
}

/**
 * The use case's EU AI Act screening (the owner answers and submits it, a risk officer reviews
 * it) and its risk register.
 */
export default async function RiskScreeningPage({ params }: { params: Params }) {
  const { key } = await params;
  const user = await requireUser(`/use-cases/${key}/risk`);
  const [useCase, assessment, files, risks, people] = await Promise.all([
    getUseCase(user, key),
    getAssessment(user, key),
    listAttachments(user, key, { target: "ASSESSMENT_ANSWER" }),
    listRisks(user, key),
    listPeople(),
  ]).catch((error) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const canAnswer = can(user, "assessment:answer", useCase);
  const ownsIt = useCase.ownerId === user.id || useCase.sponsorId === user.id;
  const canReview = can(user, "assessment:review") && !ownsIt && assessment.status === "SUBMITTED";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/use-cases" className="hover:underline">
          Use cases
        </Link>{" "}
        <span aria-hidden>/</span>{" "}
        <Link href={`/use-cases/${useCase.key}`} className="hover:underline">
          {useCase.key}
        </Link>{" "}
        <span aria-hidden>/</span> Risk screening
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Risk screening of {useCase.title}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <RiskTierBadge tier={useCase.riskTier} />
          <span>
            {ASSESSMENT_STATUS_LABELS[assessment.status]} · revision {assessment.revision} · {assessment.title} v
            {assessment.templateVersion}
          </span>
        </div>
        {useCase.riskTier && <p className="text-sm text-slate-600">{RISK_TIER_DESCRIPTIONS[useCase.riskTier]}</p>}
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          A screening aid, not legal advice. It points to the obligations of the EU AI Act that likely apply; a risk
          officer reviews it, and your legal team has the last word.
        </p>
      </header>
      {canReview && (
        <section
          aria-labelledby="review-heading"
          className="space-y-3 rounded-lg border border-brand-200 bg-surface p-5"
        >
          <h2 id="review-heading" className="text-lg font-semibold">
            Your review
          </h2>
          <ReviewForm useCaseKey={useCase.key} version={assessment.version} />
        </section>
      )}
      <section
        aria-labelledby="answers-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-surface p-5"
      >
        <h2 id="answers-heading" className="text-lg font-semibold">
          Questions
        </h2>
        {assessment.status === "SUBMITTED" && (
          <p className="text-sm text-slate-600">Submitted: the answers wait for a risk officer's review.</p>
        )}
        {!canAnswer && assessment.status !== "SUBMITTED" && (
          <p className="text-sm text-slate-600">The use case's owner or sponsor answers the screening.</p>
        )}
        <AttachmentsProvider
          value={{ useCaseKey: useCase.key, files, userId: user.id, canDeleteAny: can(user, "attachment:delete-any") }}
        >
          <ScreeningForm
            key={`${assessment.status}-${assessment.revision}`}
            assessment={assessment}
            canAnswer={canAnswer}
          />
        </AttachmentsProvider>
      </section>
      <AssessmentHistory history={assessment.history} />
      <RiskRegister
        useCaseKey={useCase.key}
        risks={risks}
        people={people}
        canManage={can(user, "risk:manage", useCase)}
        highRisk={useCase.riskTier === "HIGH"}
      />
      <p className="text-sm">
        <Link href={`/use-cases/${useCase.key}/model-card`} className="text-brand-700 underline">
          Open the model card
        </Link>
      </p>
    </div>
  );
}
