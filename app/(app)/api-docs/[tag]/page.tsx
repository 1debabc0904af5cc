import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiTagReference } from "@/components/api-docs/api-tag-reference";
import { InlineCode } from "@/components/api-docs/inline-code";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/server/auth/current-user";
import { openApiDocument } from "@/server/openapi/document";
import { referenceView } from "@/server/openapi/reference-view";

type Props = { params: Promise<{ tag: string }> };

const tagGroup = (slug: string) => {
  const { groups } = referenceView(openApiDocument());
  return { groups, group: groups.find((group) => group.slug === slug) };
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { group } = tagGroup((await params).tag);
  return { title: group ? `${group.name} · API reference` : "API reference" };
}

/** One tag's endpoints (/api-docs/use-cases, …), from the same document as the overview. */
export default async function ApiTagPage({ params }: Props) {
  const { tag } = await params;
  await requireUser(`/api-docs/${encodeURIComponent(tag)}`);
  const { groups, group } = tagGroup(tag);
  if (!group) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title={group.name}
        breadcrumb={
          <a href="/api-docs" className="text-brand-700 underline underline-offset-2 hover:text-brand-600">
            API reference
          </a>
        }
        description={group.description && <InlineCode text={group.description} />}
      />
      <ApiTagReference groups={groups} group={group} />
    </div>
  );
}
