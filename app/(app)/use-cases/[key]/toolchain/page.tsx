import Link from "next/link";
import { notFound } from "next/navigation";
import { LinkModelForm } from "@/components/toolchain/link-model-form";
import { ModelLinkCard } from "@/components/toolchain/model-link-card";
import { RepositoryForm } from "@/components/toolchain/repository-form";
import { SyncModelsButton } from "@/components/toolchain/sync-models-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";
import { getRepository } from "@/server/registry/code-repository";
import { registryChoices } from "@/server/registry/manage-registries";
import { listModelLinks } from "@/server/registry/model-links";
import { findUseCaseByKey } from "@/server/use-cases/find-use-case";

type Params = Promise<{ key: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  return { title: `${(await params).key} models and code` };
}

/** The use case's registered models (as last synced) and code repository, and how pipelines ask for approval. */
export default async function ToolchainPage({ params }: { params: Params }) {
  const { key } = await params;
  const user = await requireUser(`/use-cases/${key}/toolchain`);
  const useCase = await findUseCaseByKey(key).catch((error) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [links, repository, registries] = await Promise.all([
    listModelLinks(user, key),
    getRepository(user, key),
    registryChoices(user),
  ]);
  const canManage = can(user, "model-link:manage", useCase);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/use-cases" className="hover:underline">
          Use cases
        </Link>{" "}
        <span aria-hidden>/</span>{" "}
        <Link href={`/use-cases/${key}`} className="hover:underline">
          {key}
        </Link>{" "}
        <span aria-hidden>/</span> Models and code
      </nav>
      <PageHeader title={`Models and code of ${key}`} />

      <section aria-labelledby="repository" className="space-y-2">
        <h2 id="repository" className="text-lg font-semibold">
          Code repository
        </h2>
        {canManage ? (
          <RepositoryForm useCaseKey={key} url={repository.url} />
        ) : (
          <p className="text-sm text-slate-700">
            {repository.url ? (
              <a className="underline" href={repository.url}>
                {repository.url}
              </a>
            ) : (
              "No repository linked yet."
            )}
          </p>
        )}
        <p className="text-sm text-slate-600">
          Each gate request names the commit (SHA or tag) and the model version it asks to approve.
        </p>
      </section>

      <section aria-labelledby="models" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="models" className="text-lg font-semibold">
            Registered models ({links.length})
          </h2>
          {links.length > 0 && <SyncModelsButton useCaseKey={key} />}
        </div>
        {links.length === 0 && (
          <EmptyState>
            No registered model linked yet.{" "}
            {canManage ? "Link one below to see its versions, aliases, runs and metrics here." : ""}
          </EmptyState>
        )}
        {links.map((link) => (
          <ModelLinkCard key={link.id} link={link} />
        ))}
        {canManage &&
          (registries.length > 0 ? (
            <LinkModelForm useCaseKey={key} registries={registries} />
          ) : (
            <p className="text-sm text-slate-600">
              No model registry is connected yet: an admin connects one under Admin → Model registries.
            </p>
          ))}
      </section>

      <section aria-labelledby="deployments" className="space-y-2">
        <h2 id="deployments" className="text-lg font-semibold">
          Deployment approval
        </h2>
        <p className="text-sm text-slate-700">
          Pipelines ask before they deploy, with an API token of scope <code>deploy:check</code>:
        </p>
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          {`curl -fsS -H "Authorization: Bearer $ROADBOOK_TOKEN" \\
  "$ROADBOOK_URL/api/v1/use-cases/${key}/deployment-approval?environment=production&modelVersion=7&commit=$GIT_COMMIT" \\
  | jq -e .allowed`}
        </pre>
      </section>
    </div>
  );
}
