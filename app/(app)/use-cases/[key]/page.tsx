import Link from "next/link";
import { notFound } from "next/navigation";
import { ChecklistSection } from "@/components/checklist/checklist-section";
import { FeedbackSection } from "@/components/feedback/feedback-section";
import { GatePanel } from "@/components/gates/gate-panel";
import { StageBadge, StatusBadge } from "@/components/ui/badges";
import { EvidenceSections } from "@/components/use-case/evidence-sections";
import { UseCaseDetail } from "@/components/use-case/use-case-detail";
import { CHECKLIST_STAGES } from "@/lib/checklist-templates";
import { STAGE_LABELS, STAGES } from "@/lib/lifecycle";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { getChecklist } from "@/server/checklists/get-checklist";
import { DomainError } from "@/server/errors";
import { listFeedback } from "@/server/feedback/feedback";
import { getGateOverview } from "@/server/gates/gate-overview";
import { getEvidence } from "@/server/use-cases/evidence";
import { getUseCase } from "@/server/use-cases/get-use-case";
import { listPeople } from "@/server/users/list-people";

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
  const [people, overview, feedback, evidence, checklists] = await Promise.all([
    listPeople(),
    getGateOverview(user, key),
    listFeedback(user, key),
    getEvidence(user, key),
    Promise.all(checklistStages.map((stage) => getChecklist(user, key, stage))),
  ]);
  const stageIndex = STAGES.indexOf(useCase.stage);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/use-cases" className="hover:underline">
          Use cases
        </Link>{" "}
        <span aria-hidden>/</span> {useCase.key}
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <span className="font-mono text-sm text-slate-500">{useCase.key}</span>
          <StageBadge stage={useCase.stage} />
          <StatusBadge status={useCase.status} />
        </div>
        <h1 className="text-2xl font-semibold">{useCase.title}</h1>
        <ol aria-label="Stage" className="flex flex-wrap gap-2 text-xs">
          {STAGES.map((stage, index) => (
            <li
              key={stage}
              aria-current={index === stageIndex ? "step" : undefined}
              className={`rounded-full px-3 py-1 ${index < stageIndex ? "bg-slate-200 text-slate-700" : index === stageIndex ? "bg-brand-600 text-white" : "bg-white text-slate-400 ring-1 ring-slate-200"}`}
            >
              {index + 1}. {STAGE_LABELS[stage]}
            </li>
          ))}
        </ol>
      </header>
      <section id="details" aria-label="Details">
        <UseCaseDetail useCase={useCase} people={canEdit ? people : []} canEdit={canEdit} />
      </section>
      <GatePanel useCase={useCase} overview={overview} user={user} people={people} />
      <FeedbackSection useCaseKey={useCase.key} feedback={feedback} canAdd={can(user, "feedback:create")} />
      <ChecklistSection
        checklists={checklists}
        stage={useCase.stage}
        canEdit={can(user, "checklist:update", useCase)}
        canSignOff={can(user, "checklist:sign-off")}
        people={people}
      />
      <EvidenceSections evidence={evidence} />
    </div>
  );
}
