import { STAGE_LABELS } from "@/lib/lifecycle";
import { formatMoney } from "@/lib/money";
import type { Evidence } from "@/server/use-cases/evidence";

const box = "space-y-3 rounded-lg border border-slate-200 bg-white p-5";
const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** Value revisions and services as the gates see them (the anchors the criteria link to). */
export function EvidenceSections({ evidence }: { evidence: Evidence }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
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
  );
}
