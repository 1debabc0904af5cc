import { notFound } from "next/navigation";
import { EndDelegationButton } from "@/components/delegations/end-delegation-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDay } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { listDelegations } from "@/server/delegations/admin-delegations";

export const metadata = { title: "Delegations" };

/** ADMIN: every current out-of-office delegation (in force or planned), and ending one. */
export default async function DelegationsPage() {
  const user = await requireUser("/admin/delegations");
  if (!can(user, "delegation:manage-any")) notFound();
  const delegations = await listDelegations(user);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Delegations"
        description="Out-of-office delegates set by users in their profile: the delegate may vote in the absent user's place, never on a review that user requested. Ending one is recorded in the audit trail."
      />
      {delegations.length === 0 ? (
        <EmptyState boxed>No delegation is in force or planned.</EmptyState>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Current delegations</caption>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col">Away</th>
              <th scope="col">Delegate</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {delegations.map((d) => (
              <tr key={d.id}>
                <td className="py-2">{d.user.name}</td>
                <td>{d.delegate.name}</td>
                <td>{formatDay(d.from)}</td>
                <td>{formatDay(d.to)}</td>
                <td>{d.inForce ? "In force" : "Planned"}</td>
                <td>
                  <EndDelegationButton id={d.id} label={`End ${d.user.name}'s delegation to ${d.delegate.name}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
