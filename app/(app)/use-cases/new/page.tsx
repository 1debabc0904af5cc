import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { NewUseCase } from "@/components/use-case/new-use-case";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { getOrgSettings } from "@/server/settings/org-settings";
import { listPeople } from "@/server/users/list-people";

export const metadata = { title: "New use case" };

export default async function NewUseCasePage() {
  const user = await requireUser("/use-cases/new");
  if (!can(user, "use-case:create")) {
    return (
      <div className="rounded-lg border border-slate-200 bg-surface p-8">
        <h1 className="text-xl font-semibold">You cannot create use cases</h1>
        <p className="mt-2 text-sm text-slate-600">
          Data scientists, business stakeholders and admins create use cases.{" "}
          <Link href="/use-cases" className="text-brand-700 underline">
            Back to the list
          </Link>
        </p>
      </div>
    );
  }
  const [people, settings] = await Promise.all([listPeople(), getOrgSettings()]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="New use case"
        description="Every use case starts as a proof of concept. Frame the need now; the value range can come once the POC qualifies the data."
      />
      <NewUseCase people={people} ownerId={user.id} currency={settings.currency} />
    </div>
  );
}
