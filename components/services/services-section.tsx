import { EmptyState } from "@/components/ui/empty-state";
import type { ServiceDto } from "@/server/services/service-dto";
import { AddServiceForm } from "./add-service-form";
import { ComposeImport } from "./compose-import";
import { ServiceRow } from "./service-row";

/** The use case's deployed services, one click away, with their health. */
export function ServicesSection({
  useCaseKey,
  services,
  canManage,
}: {
  useCaseKey: string;
  services: ServiceDto[];
  canManage: boolean;
}) {
  return (
    <section
      id="services"
      aria-labelledby="services-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-surface p-5"
    >
      <h2 id="services-heading" className="text-lg font-semibold">
        Services
      </h2>
      {services.length === 0 ? (
        <EmptyState>
          No deployed service registered yet: add the dashboards, pipelines, notebooks, repositories and model APIs this
          use case runs on{canManage ? ", or import them from its docker-compose file" : ""}.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Services of this use case">
          {services.map((service) => (
            <ServiceRow key={service.id} service={service} canManage={canManage} />
          ))}
        </ul>
      )}
      {canManage && (
        <>
          <AddServiceForm useCaseKey={useCaseKey} />
          <details className="rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-semibold text-slate-800">
              Import from docker-compose.yml
            </summary>
            <div className="mt-3">
              <ComposeImport useCaseKey={useCaseKey} />
            </div>
          </details>
        </>
      )}
    </section>
  );
}
