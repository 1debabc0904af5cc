import Link from "next/link";
import { notFound } from "next/navigation";
import { ModelCardForm } from "@/components/risk/model-card-form";
import { ModelCardView } from "@/components/risk/model-card-view";
import { RiskTierBadge } from "@/components/risk/risk-tier-badge";
import { ApprovedReleases } from "@/components/toolchain/approved-releases";
import { StageBadge } from "@/components/ui/badges";
import { LocalDate } from "@/components/ui/local-date";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/ui/print-button";
import { MODEL_CARD_FIELD_IDS, type ModelCardText } from "@/lib/model-card";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";
import { getModelCard } from "@/server/risk/get-model-card";
import { getUseCase } from "@/server/use-cases/get-use-case";

type Params = Promise<{ key: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  return { title: `${(await params).key} model card` };
}

/**
 * The model card (Mitchell et al. 2019; the Hugging Face headings) and the versions its passing
 * gates approved: one printable page, and below it (not printed) the form for the owner or sponsor.
 */
export default async function ModelCardPage({ params }: { params: Params }) {
  const { key } = await params;
  const user = await requireUser(`/use-cases/${key}/model-card`);
  const [useCase, card] = await Promise.all([getUseCase(user, key), getModelCard(user, key)]).catch((error) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const text = Object.fromEntries(MODEL_CARD_FIELD_IDS.map((id) => [id, card[id]])) as ModelCardText;
  const highRisk = useCase.riskTier === "HIGH";
  const canEdit = can(user, "model-card:update", useCase);
  return (
    <article className="mx-auto max-w-4xl space-y-6 print:max-w-none print:space-y-3 print:[zoom:0.85]">
      <PageHeader
        breadcrumb={
          <span className="text-slate-500 print:hidden">
            <Link href="/use-cases" className="hover:underline">
              Use cases
            </Link>{" "}
            <span aria-hidden>/</span>{" "}
            <Link href={`/use-cases/${useCase.key}`} className="hover:underline">
              {useCase.key}
            </Link>{" "}
            <span aria-hidden>/</span> Model card
          </span>
        }
        title={`Model card of ${useCase.title}`}
        actions={<PrintButton />}
      >
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <StageBadge stage={useCase.stage} />
          <Link href={`/use-cases/${useCase.key}/risk`} className="rounded-full hover:underline">
            <RiskTierBadge tier={useCase.riskTier} />
            <span className="sr-only"> (open the risk screening and register)</span>
          </Link>
          <span>
            {card.version === 0
              ? "Not written yet"
              : `Version ${card.version}${card.updatedBy ? ` by ${card.updatedBy.name}` : ""}`}
            {card.updatedAt && (
              <>
                {" · "}
                <LocalDate value={card.updatedAt} />
              </>
            )}
          </span>
        </div>
      </PageHeader>
      {highRisk && card.missingForHigh.length > 0 && (
        <p role="note" className="rounded-md border border-orange-200 bg-orange-50 p-3 text-sm text-orange-950">
          High risk: G2 needs {card.missingForHigh.join(", ")} filled.
        </p>
      )}
      <section
        aria-label="Model card"
        className="rounded-lg border border-slate-200 bg-surface p-5 print:border-0 print:p-0"
      >
        <ModelCardView card={text} highRisk={highRisk} />
      </section>
      <ApprovedReleases releases={card.approvedReleases} useCaseKey={useCase.key} />
      {canEdit ? (
        <section
          aria-labelledby="edit-card-heading"
          className="space-y-3 rounded-lg border border-slate-200 bg-surface p-5 print:hidden"
        >
          <h2 id="edit-card-heading" className="text-lg font-semibold">
            Edit the model card
          </h2>
          <ModelCardForm useCaseKey={useCase.key} card={text} version={card.version} highRisk={highRisk} />
        </section>
      ) : (
        <p className="text-sm text-slate-600 print:hidden">The use case's owner or sponsor writes the model card.</p>
      )}
    </article>
  );
}
