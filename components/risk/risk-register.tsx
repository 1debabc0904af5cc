import { EmptyState } from "@/components/ui/empty-state";
import { RISK_CATEGORY_LABELS, RISK_STATUS_LABELS, SEVERE_SCORE, scoreBand } from "@/lib/risk-register";
import type { RiskEntryDto } from "@/server/risk/risk-entry-dto";
import { RiskForm } from "./risk-form";

export const BAND_COLORS = {
  low: "bg-emerald-100 text-emerald-900",
  medium: "bg-amber-100 text-amber-900",
  high: "bg-orange-200 text-orange-950",
  severe: "bg-rose-200 text-rose-950",
} as const;

/** A use case's risk register: the risks by score, each editable in place, and a form to add one. */
export function RiskRegister({
  useCaseKey,
  risks,
  people,
  canManage,
  highRisk,
}: {
  useCaseKey: string;
  risks: RiskEntryDto[];
  people: { id: string; name: string }[];
  canManage: boolean;
  highRisk: boolean;
}) {
  return (
    <section
      id="register"
      aria-labelledby="register-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-surface p-5"
    >
      <div className="space-y-1">
        <h2 id="register-heading" className="text-lg font-semibold">
          Risk register
        </h2>
        <p className="text-sm text-slate-600">
          Score = likelihood × impact (1 to 25).
          {highRisk && ` High risk: every open risk scoring ${SEVERE_SCORE} or more needs a mitigation before G2.`}
        </p>
      </div>
      {risks.length === 0 ? (
        <EmptyState>
          No risk recorded yet. {canManage ? "Add the first one below: bias, privacy, security, robustness…" : ""}
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Risks">
          {risks.map((risk) => (
            <li key={risk.id} className="space-y-2 rounded-md border border-slate-200 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <span
                  className={`inline-flex h-7 min-w-7 items-center justify-center rounded-md px-1 text-sm font-semibold ${BAND_COLORS[scoreBand(risk.score)]}`}
                  title={`Likelihood ${risk.likelihood} × impact ${risk.impact}`}
                >
                  <span className="sr-only">Score </span>
                  {risk.score}
                </span>
                <span className="font-medium text-slate-900">{risk.title}</span>
                <span className="text-sm text-slate-600">
                  {RISK_CATEGORY_LABELS[risk.category]} · {RISK_STATUS_LABELS[risk.status]} · likelihood{" "}
                  {risk.likelihood}, impact {risk.impact}
                  {risk.owner && ` · owner ${risk.owner.name}`}
                  {risk.dueOn && ` · due ${risk.dueOn}`}
                </span>
              </div>
              <p className="text-sm text-slate-700">
                {risk.mitigation ? (
                  <>Mitigation: {risk.mitigation}</>
                ) : (
                  <span className="text-slate-500">No mitigation written.</span>
                )}
              </p>
              {risk.status === "ACCEPTED" && (
                <p className="text-sm text-slate-700">
                  Accepted{risk.acceptedBy ? ` by ${risk.acceptedBy.name}` : ""}: {risk.acceptanceRationale}
                </p>
              )}
              {canManage && (
                <details className="group">
                  <summary className="cursor-pointer text-sm text-brand-700 underline">
                    Edit<span className="sr-only"> “{risk.title}”</span>
                  </summary>
                  <div className="pt-3">
                    <RiskForm useCaseKey={useCaseKey} risk={risk} people={people} />
                  </div>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <div className="space-y-2 border-t border-slate-200 pt-4">
          <h3 className="text-sm font-semibold text-slate-800">Add a risk</h3>
          <RiskForm useCaseKey={useCaseKey} people={people} />
        </div>
      )}
    </section>
  );
}
