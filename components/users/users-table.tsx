import type { ManagedUserDto } from "@/server/users/manage-users";
import { UserRow } from "./user-row";

/** The users, one editable row each. */
export function UsersTable({ users, selfId, teams }: { users: ManagedUserDto[]; selfId: string; teams: string[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Users</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">
              Name
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Role and team
            </th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Access</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <UserRow key={`${user.id}-${user.updatedAt}`} user={user} self={user.id === selfId} />
          ))}
        </tbody>
      </table>
      <datalist id="known-teams">
        {teams.map((team) => (
          <option key={team} value={team} />
        ))}
      </datalist>
    </div>
  );
}
