import { STAGE_LABELS } from "@/lib/lifecycle";
import { formatMoney } from "@/lib/money";
import type { Evidence } from "@/server/use-cases/evidence";

const STATUS_TEXT: Record<string, string> = {
  TODO: "To do",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  NOT_APPLICABLE: "Not applicable",
};

const box = "space-y-3 rounded-lg border border-slate-200 bg-white p-5";
const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** Checklist, value revisions and services as the gates see them (the anchors the criteria link to). */
export function EvidenceSections({ evidence }: { evidence: Evidence }) {
  const stages = [...new Set(evidence.checklist.map((item) => item.stage))];
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section id="checklist" aria-labelledby="checklist-heading" className={box}>
        <h2 id="checklist-heading" className="text-lg font-semibold">
          Checklists
        </h2>
        {stages.length === 0 && (
          <p className="text-sm text-slate-500">
            The prototype checklist starts when the use case enters the prototype stage, the packaging checklist when it
            enters packaging.
          </p>
        )}
        {stages.map((stage) => {
          const items = evidence.checklist.filter((item) => item.stage === stage);
          const closed = items.filter((item) => item.status === "DONE" || item.status === "NOT_APPLICABLE").length;
          const signOff = evidence.signOffs.find((s) => s.stage === stage);
          return (
            <div key={stage} className="space-y-1">
              <h3 className="text-sm font-semibold text-slate-800">
                {STAGE_LABELS[stage]}: {closed} of {items.length} done
                {signOff && (
                  <span className="ml-2 font-normal text-emerald-700">
                    signed off by {signOff.by} on {day(signOff.at)}
                  </span>
                )}
              </h3>
              <ul className="text-sm">
                {items.map((item) => (
                  <li key={item.id} className="flex justify-between gap-3 border-b border-slate-100 py-1">
                    <span>{item.label}</span>
                    <span className="text-slate-500">
                      {STATUS_TEXT[item.status] ?? item.status}
                      {item.answer && ` · ${item.answer}`}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
      <div className="space-y-6">
        <section id="value" aria-labelledby="value-heading" className={box}>
          <h2 id="value-heading" className="text-lg font-semibold">
            Value estimate revisions
          </h2>
          {evidence.estimates.length === 0 ? (
            <p className="text-sm text-slate-500">No revision yet: the intake range above is the current estimate.</p>
          ) : (
            <ul className="text-sm">
              {evidence.estimates.map((estimate) => (
                <li key={estimate.id} className="flex justify-between gap-3 border-b border-slate-100 py-1">
                  <span>
                    Base {formatMoney(estimate.base, estimate.currency)} · {STAGE_LABELS[estimate.stage]}
                  </span>
                  <span className="text-slate-500">
                    {estimate.author} · {day(estimate.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section id="services" aria-labelledby="services-heading" className={box}>
          <h2 id="services-heading" className="text-lg font-semibold">
            Services
          </h2>
          {evidence.services.length === 0 ? (
            <p className="text-sm text-slate-500">No deployed service registered yet.</p>
          ) : (
            <ul className="text-sm">
              {evidence.services.map((service) => (
                <li key={service.id} className="flex justify-between gap-3 border-b border-slate-100 py-1">
                  <a href={service.url} className="text-brand-700 underline" target="_blank" rel="noreferrer noopener">
                    {service.name}
                  </a>
                  <span className="text-slate-500">
                    {service.kind} · {service.environment}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
