import { notFound } from "next/navigation";
import { ScoringModelForm } from "@/components/priority/scoring-model-form";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { RICE_MODEL } from "@/lib/priority-score";
import { requireUser } from "@/server/auth/current-user";
import { getScoringModel } from "@/server/priority/scoring-model";

export const metadata = { title: "Scoring model" };

export default async function ScoringModelPage() {
  const user = await requireUser("/admin/scoring");
  if (!can(user, "scoring-model:manage")) notFound();
  const model = await getScoringModel(user);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Scoring model"
        description="How use cases are ranked for funding. Saving makes a new version: every total is recomputed and the use-case list shows how ranks moved."
      />
      <ScoringModelForm model={model} rice={RICE_MODEL} />
    </div>
  );
}
