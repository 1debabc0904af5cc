import { ColumnHeader, DataTable } from "@/components/ui/table";
import type { ManagedUserDto } from "@/server/users/manage-users";
import { UserRow } from "./user-row";

/** The users, one editable row each. */
export function UsersTable({ users, selfId, teams }: { users: ManagedUserDto[]; selfId: string; teams: string[] }) {
  return (
    <DataTable
      caption="Users"
      head={
        <>
          <ColumnHeader>Name</ColumnHeader>
          <ColumnHeader>Status</ColumnHeader>
          <ColumnHeader>Role and team</ColumnHeader>
          <ColumnHeader>
            <span className="sr-only">Access</span>
          </ColumnHeader>
        </>
      }
      after={
        <datalist id="known-teams">
          {teams.map((team) => (
            <option key={team} value={team} />
          ))}
        </datalist>
      }
    >
      {users.map((user) => (
        <UserRow key={`${user.id}-${user.updatedAt}`} user={user} self={user.id === selfId} />
      ))}
    </DataTable>
  );
}
