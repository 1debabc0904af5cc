import { notFound } from "next/navigation";
import { OrgSettingsForm } from "@/components/settings/org-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { getOrgSettings } from "@/server/settings/org-settings";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("/admin/settings");
  if (!can(user, "settings:manage")) notFound();
  const settings = await getOrgSettings();
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" />
      <OrgSettingsForm settings={settings} />
    </div>
  );
}
