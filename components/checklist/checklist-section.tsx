import { STAGE_LABELS, type Stage } from "@/lib/lifecycle";
import type { ChecklistDto } from "@/server/checklists/checklist-dto";
import { ChecklistPanel } from "./checklist-panel";

/** The use case's checklists: the current stage's open, earlier ones folded and read-only. */
export function ChecklistSection({
  checklists,
  stage,
  canEdit,
  canSignOff,
  people,
}: {
  people: { id: string; name: string }[];
  checklists: ChecklistDto[];
  stage: Stage;
  canEdit: boolean;
  canSignOff: boolean;
}) {
  const current = checklists.find((checklist) => checklist.stage === stage);
  const earlier = checklists.filter((checklist) => checklist.stage !== stage && checklist.items.length > 0);
  return (
    <section
      id="checklist"
      aria-labelledby="checklist-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-surface p-5"
    >
      <h2 id="checklist-heading" className="text-lg font-semibold">
        Checklists
      </h2>
      {current ? (
        <ChecklistPanel checklist={current} editable={canEdit} canSignOff={canSignOff} people={people} />
      ) : stage === "POC" ? (
        <p className="text-sm text-slate-500">
          The prototype checklist (architecture, data sources, automation, monitoring, user feedback) starts when the
          use case passes gate G1.
        </p>
      ) : null}
      {earlier.map((checklist) => (
        <details key={checklist.stage} className="rounded-md border border-slate-200 p-3" open={stage === "PRODUCTION"}>
          <summary className="cursor-pointer text-sm font-semibold text-slate-800">
            {STAGE_LABELS[checklist.stage]} checklist: {checklist.progress.closed} of {checklist.progress.total} done
            {checklist.signedOff && `, signed off by ${checklist.signedOff.by.name}`}
          </summary>
          <div className="mt-3">
            <ChecklistPanel checklist={checklist} editable={false} canSignOff={false} people={people} />
          </div>
        </details>
      ))}
    </section>
  );
}
