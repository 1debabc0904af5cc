import Link from "next/link";
import { ImportWizard } from "@/components/import/import-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { can, scopeOf } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";

export const metadata = { title: "Import use cases" };

export default async function ImportUseCasesPage() {
  const user = await requireUser("/use-cases/import");
  if (!scopeOf(user, "use-case:import")) {
    return (
      <div className="rounded-lg border border-slate-200 bg-surface p-8">
        <h1 className="text-xl font-semibold">You cannot import use cases</h1>
        <p className="mt-2 text-sm text-slate-600">
          Admins, business stakeholders and data scientists (for use cases they own) import use cases.{" "}
          <Link href="/use-cases" className="text-brand-700 underline">
            Back to the list
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        breadcrumb={
          <Link href="/use-cases" className="text-brand-700 underline">
            Use cases
          </Link>
        }
        title="Import use cases"
        description={
          <>
            Bring your existing portfolio in from a spreadsheet. Rows with a key (UC-n) or a known external id update
            that use case; the others create one. Owners and sponsors are given by email.
            {user.role === "DATA_SCIENTIST" && " As a data scientist you import use cases you own."}
          </>
        }
      />
      <ImportWizard canInvite={can(user, "user:manage")} />
    </div>
  );
}
