import { notFound } from "next/navigation";
import { DeleteRegistryButton } from "@/components/toolchain/delete-registry-button";
import { RegistryForm } from "@/components/toolchain/registry-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { REGISTRY_AUTH_LABELS } from "@/lib/validation/toolchain";
import { requireUser } from "@/server/auth/current-user";
import { listRegistries } from "@/server/registry/manage-registries";

export const metadata = { title: "Model registries" };

export default async function RegistriesPage() {
  const user = await requireUser("/admin/registries");
  if (!can(user, "registry:manage")) notFound();
  const registries = await listRegistries(user);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Model registries"
        description={
          <>
            Connect the MLflow tracking servers your teams register models in. Use cases then link their registered
            models: Roadbook reads the versions, the aliases (such as <code>@champion</code>), each version&apos;s
            source run and metrics, and keeps what gate reviews approved, so pipelines can ask whether a version may be
            deployed. Every call goes through the address policy of Settings; tokens and passwords are encrypted at
            rest.
          </>
        }
      />
      <section aria-labelledby="new-registry" className="rounded-lg border border-slate-200 bg-surface p-4">
        <h2 id="new-registry" className="mb-3 text-lg font-semibold">
          Connect a registry
        </h2>
        <RegistryForm />
      </section>
      <section aria-labelledby="registry-list">
        <h2 id="registry-list" className="mb-2 text-lg font-semibold">
          Connected ({registries.length})
        </h2>
        {registries.length === 0 ? (
          <EmptyState>
            No registry yet. Connect one above; data scientists can then link their models on each use case.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-surface px-4">
            {registries.map((registry) => (
              <li key={registry.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">{registry.name}</p>
                  <p className="text-sm text-slate-600">
                    MLflow at <code>{registry.baseUrl}</code> · {REGISTRY_AUTH_LABELS[registry.auth]}
                    {registry.hasSecret ? " (stored encrypted)" : ""} · TLS{" "}
                    {registry.verifyTls ? "verified" : "not verified"}
                  </p>
                </div>
                <DeleteRegistryButton id={registry.id} name={registry.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
