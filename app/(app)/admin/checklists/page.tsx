import { notFound } from "next/navigation";
import { TemplateEditor } from "@/components/checklist/template-editor";
import { PageHeader } from "@/components/ui/page-header";
import { STAGE_LABELS } from "@/lib/lifecycle";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { listTemplates } from "@/server/checklists/manage-templates";

export const metadata = { title: "Checklist templates" };

export default async function ChecklistTemplatesPage() {
  const user = await requireUser("/admin/checklists");
  if (!can(user, "checklist-template:manage")) notFound();
  const templates = await listTemplates(user);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Checklist templates"
        description="Each save makes a new version: use cases entering the stage later get it; running checklists keep the version they started with. Items already answered can be retired, not removed."
      />
      {templates.map((template) => (
        <section
          key={template.stage}
          aria-labelledby={`template-${template.stage}`}
          className="space-y-3 rounded-lg border border-slate-200 bg-surface p-5"
        >
          <h2 id={`template-${template.stage}`} className="text-lg font-semibold">
            {STAGE_LABELS[template.stage]} checklist{" "}
            <span className="text-sm font-normal text-slate-500">version {template.version}</span>
          </h2>
          <TemplateEditor template={template} />
        </section>
      ))}
    </div>
  );
}
