import Link from "next/link";
import { EnvironmentOptions, KindOptions } from "@/components/services/service-options";
import { ServiceRow } from "@/components/services/service-row";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { HEALTH_LABELS, HEALTH_STATUSES } from "@/lib/services";
import { requireUser } from "@/server/auth/current-user";
import { listAllServices, SERVICES_PAGE_SIZE } from "@/server/services/services";

export const metadata = { title: "Services" };

type Search = Promise<{ kind?: string; environment?: string; health?: string; page?: string }>;

/** Every deployed service across use cases, filtered in the URL; the down ones first; a page at a time. */
export default async function ServicesPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/services");
  const { page: pageParam, ...filters } = await searchParams;
  const result = await listAllServices(user, filters, Number.parseInt(pageParam ?? "1", 10) || 1);
  const { services, total, down, page, pages } = result;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (typeof value === "string" && value) params.set(key, value);
    if (target > 1) params.set("page", String(target));
    const query = params.toString();
    return query ? `/services?${query}` : "/services";
  };
  const select = "rounded-md border border-slate-300 bg-surface px-3 py-2 text-sm";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Services"
        description={
          <>
            {total} service{total === 1 ? "" : "s"}
            {down > 0 && `, ${down} down`}. Health is checked every few minutes; “Check now” probes at once.
          </>
        }
      />
      <form className="flex flex-wrap items-end gap-3" aria-label="Filter services">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Kind</span>
          <select name="kind" defaultValue={filters.kind ?? ""} className={select}>
            <option value="">All kinds</option>
            <KindOptions />
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Environment</span>
          <select name="environment" defaultValue={filters.environment ?? ""} className={select}>
            <option value="">All environments</option>
            <EnvironmentOptions />
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Health</span>
          <select name="health" defaultValue={filters.health ?? ""} className={select}>
            <option value="">Any health</option>
            {HEALTH_STATUSES.map((status) => (
              <option key={status} value={status}>
                {HEALTH_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        <a href="/services" className={buttonClass("ghost")}>
          Clear
        </a>
      </form>
      {services.length === 0 ? (
        <EmptyState
          action={
            <Link href="/use-cases" className={buttonClass("secondary")}>
              Open a use case to add its services
            </Link>
          }
        >
          No service matches. Services are added on each use case's page, or imported from a docker-compose file.
        </EmptyState>
      ) : (
        <ul
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-surface px-4"
          aria-label="All services"
        >
          {services.map((service) => (
            <ServiceRow key={service.id} service={service} canManage={service.canManage} showUseCase />
          ))}
        </ul>
      )}
      {pages > 1 && (
        <Pagination
          page={page}
          pages={pages}
          total={total}
          first={(page - 1) * SERVICES_PAGE_SIZE + 1}
          last={(page - 1) * SERVICES_PAGE_SIZE + services.length}
          hrefFor={hrefFor}
        />
      )}
    </div>
  );
}
