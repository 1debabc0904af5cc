import type { Evidence } from "@/server/use-cases/evidence";

/** The services as the gates see them (the anchor G3's criterion links to). */
export function EvidenceSections({ evidence }: { evidence: Evidence }) {
  return (
    <section
      id="services"
      aria-labelledby="services-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-5"
    >
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
  );
}
