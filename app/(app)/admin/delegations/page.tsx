import { notFound } from "next/navigation";
import { EndDelegationButton } from "@/components/delegations/end-delegation-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Cell, ColumnHeader, DataTable } from "@/components/ui/table";
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
        <DataTable
          caption="Current delegations"
          head={
            <>
              <ColumnHeader>Away</ColumnHeader>
              <ColumnHeader>Delegate</ColumnHeader>
              <ColumnHeader>From</ColumnHeader>
              <ColumnHeader>To</ColumnHeader>
              <ColumnHeader>Status</ColumnHeader>
              <ColumnHeader>
                <span className="sr-only">Actions</span>
              </ColumnHeader>
            </>
          }
        >
          {delegations.map((d) => (
            <tr key={d.id}>
              <Cell>{d.user.name}</Cell>
              <Cell>{d.delegate.name}</Cell>
              <Cell>{formatDay(d.from)}</Cell>
              <Cell>{formatDay(d.to)}</Cell>
              <Cell>{d.inForce ? "In force" : "Planned"}</Cell>
              <Cell>
                <EndDelegationButton id={d.id} label={`End ${d.user.name}'s delegation to ${d.delegate.name}`} />
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
