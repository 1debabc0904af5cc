import { LocalDate } from "@/components/ui/local-date";
import { isClosedStatus } from "@/lib/checklist-templates";
import { STAGE_LABELS } from "@/lib/lifecycle";
import type { ChecklistDto } from "@/server/checklists/checklist-dto";
import { ChecklistItemRow } from "./checklist-item-row";
import { SignOffButton } from "./sign-off-button";

function Progress({ closed, total, label }: { closed: number; total: number; label: string }) {
  const percent = total === 0 ? 0 : Math.round((closed / total) * 100);
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-xs text-slate-600">
        <span>{label}</span>
        <span>
          {closed} of {total} done
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={closed}
        className="h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full rounded-full bg-emerald-500" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/**
 * One stage's checklist: overall and per-section progress, what is left first, the
 * handover sign-off (and any voided one). `editable` when the stage is the current one and
 * the user may work it; `canSignOff` for IT.
 */
export function ChecklistPanel({
  checklist,
  editable,
  canSignOff,
  people,
}: {
  people: { id: string; name: string }[];
  checklist: ChecklistDto;
  editable: boolean;
  canSignOff: boolean;
}) {
  const { items, progress, signedOff } = checklist;
  const open = items.filter((item) => !isClosedStatus(item.status));
  const closed = items.filter((item) => isClosedStatus(item.status));
  const complete = items.length > 0 && open.length === 0;
  const title = `${STAGE_LABELS[checklist.stage]} checklist`;
  if (items.length === 0)
    return (
      <p className="text-sm text-slate-500">
        The {STAGE_LABELS[checklist.stage].toLowerCase()} checklist starts when the use case enters that stage.
      </p>
    );
  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <Progress closed={progress.closed} total={progress.total} label={title} />
        <div className="grid gap-2 sm:grid-cols-3">
          {progress.sections.map((section) => (
            <Progress key={section.section} closed={section.closed} total={section.total} label={section.section} />
          ))}
        </div>
      </div>
      <div className="space-y-1">
        {signedOff ? (
          <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            Signed off by {signedOff.by.name} on <LocalDate value={signedOff.at} />.
          </p>
        ) : complete && canSignOff && editable ? (
          <SignOffButton useCaseKey={checklist.useCaseKey} label={`Sign off the ${title.toLowerCase()}`} />
        ) : complete ? (
          <p className="text-sm text-slate-600">Complete: waiting for IT's sign-off.</p>
        ) : null}
        {checklist.voidedSignOffs.map((voided) => (
          <p key={voided.at} className="text-sm text-amber-800">
            The sign-off by {voided.by.name} on <LocalDate value={voided.at} /> was voided on{" "}
            <LocalDate value={voided.voidedAt} />
            {voided.voidedBy && ` by ${voided.voidedBy.name}`}: {voided.reason}
          </p>
        ))}
      </div>
      {(
        [
          ["Left to do", "left to do", open],
          ["Done", "done", closed],
        ] as const
      ).map(
        ([heading, label, items]) =>
          items.length > 0 && (
            <div key={label}>
              <h4 className="text-sm font-semibold text-slate-800">
                {heading} ({items.length})
              </h4>
              <ul className="divide-y divide-slate-100" aria-label={`${title}: ${label}`}>
                {items.map((item) => (
                  <ChecklistItemRow
                    key={item.id}
                    useCaseKey={checklist.useCaseKey}
                    item={item}
                    canEdit={editable}
                    people={people}
                  />
                ))}
              </ul>
            </div>
          ),
      )}
    </div>
  );
}
