import { notFound } from "next/navigation";
import { QuestionnaireEditor } from "@/components/risk/questionnaire-editor";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { getRiskTemplate } from "@/server/risk/questionnaire-templates";

export const metadata = { title: "Risk screening template" };

export default async function RiskTemplatePage() {
  const user = await requireUser("/admin/risk-template");
  if (!can(user, "risk-template:manage")) notFound();
  const template = await getRiskTemplate(user);
  const savedBy = template.createdBy
    ? `saved by ${template.createdBy.name} on ${template.createdAt?.slice(0, 10)}`
    : "the EU AI Act screening Roadbook ships";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Risk screening template"
        description="The questions every use case answers and the rules that turn the answers into a risk tier. Saving makes a new version: new screenings use it; a screening already started keeps the version it began with, so its answers keep their meaning."
      >
        <p className="text-sm text-slate-600">
          Current: version {template.version}, {savedBy}.
        </p>
      </PageHeader>
      <p role="note" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
        A screening aid, not legal advice: the tier points to the obligations of the EU AI Act that likely apply, a risk
        officer reviews each screening, and your legal team has the last word. Link each question to the legal text it
        comes from.
      </p>
      <QuestionnaireEditor template={template} />
    </div>
  );
}
