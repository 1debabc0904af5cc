import { formatDay } from "@/lib/dates";
import { RISK_TIER_LABELS } from "@/lib/risk-screening";
import type { AssessmentEventDto } from "@/server/risk/assessment-dto";

const ACTION_LABELS: Record<AssessmentEventDto["action"], string> = {
  SUBMITTED: "Submitted",
  APPROVED: "Approved",
  CHANGES_REQUESTED: "Changes requested",
  REVISED: "Revised after approval",
};

/** Every submission and review of the screening, oldest first. */
export function AssessmentHistory({ history }: { history: AssessmentEventDto[] }) {
  return (
    <section aria-labelledby="history-heading" className="space-y-2 rounded-lg border border-slate-200 bg-surface p-5">
      <h2 id="history-heading" className="text-lg font-semibold">
        History
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-600">Not submitted yet: the history starts with the first submission.</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {history.map((event) => (
            <li key={`${event.at}-${event.action}`} className="border-l-2 border-slate-200 pl-3">
              <p>
                <span className="font-medium">{ACTION_LABELS[event.action]}</span> · revision {event.revision}
                {event.tier ? ` · ${RISK_TIER_LABELS[event.tier]}` : ""} · {event.actor?.name ?? "a former user"} ·{" "}
                <time dateTime={event.at}>{formatDay(event.at)}</time>
              </p>
              {event.rationale && <p className="text-slate-700">“{event.rationale}”</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
