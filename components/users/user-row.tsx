"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/lifecycle";
import { updateUserAction } from "@/server/actions/admin-users";
import type { ManagedUserDto } from "@/server/users/manage-users";

const STATUS_STYLES = {
  active: "bg-green-50 text-green-700 ring-green-200",
  deactivated: "bg-slate-100 text-slate-600 ring-slate-200",
  awaiting: "bg-amber-50 text-amber-800 ring-amber-200",
} as const;

function statusOf(user: ManagedUserDto): keyof typeof STATUS_STYLES {
  if (user.awaitingRole) return "awaiting";
  return user.active ? "active" : "deactivated";
}

/**
 * One user: role and team saved together (with the user's updatedAt, so a stale edit is
 * refused), and deactivate / reactivate (with it too). A user awaiting a role is let in by assigning one.
 */
export function UserRow({ user, self }: { user: ManagedUserDto; self: boolean }) {
  const [role, setRole] = useState<Role>(user.role);
  const [team, setTeam] = useState(user.team ?? "");
  const { pending, errors, message, run } = useSubmit();
  const status = statusOf(user);
  const dirty = role !== user.role || team.trim() !== (user.team ?? "");
  const label = `${user.name}${self ? " (you)" : ""}`;

  const save = () =>
    run(() =>
      updateUserAction(user.id, {
        ...(role !== user.role || user.awaitingRole ? { role } : {}),
        ...(team.trim() !== (user.team ?? "") ? { team } : {}),
        updatedAt: user.updatedAt,
      }),
    );
  const setActive = (active: boolean) => run(() => updateUserAction(user.id, { active, updatedAt: user.updatedAt }));
  const error = errors.role ?? errors.team ?? message;

  return (
    <tr data-testid={`user-${user.email}`}>
      <th scope="row" className="px-3 py-2 align-top font-medium">
        <div>{label}</div>
        <div className="font-normal text-slate-500">{user.email}</div>
        {user.sso && <div className="text-xs font-normal text-slate-500">Signs in through SSO</div>}
        <Link
          href={`/admin/users/${user.id}/tokens`}
          className="text-xs font-normal text-brand-700 underline"
          aria-label={`API tokens of ${label}`}
        >
          API tokens
        </Link>
      </th>
      <td className="px-3 py-2 align-top">
        <span
          className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLES[status]}`}
        >
          {status === "active" ? "Active" : status === "awaiting" ? "Awaiting a role" : "Deactivated"}
        </span>
      </td>
      <td className="px-3 py-2 align-top">
        <div className="flex flex-wrap items-center gap-2">
          <select
            aria-label={`Role of ${user.name}`}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            className="rounded-md border border-slate-300 bg-surface px-2 py-1.5 text-sm"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <input
            aria-label={`Team of ${user.name}`}
            list="known-teams"
            value={team}
            maxLength={80}
            placeholder="No team"
            onChange={(e) => setTeam(e.target.value)}
            className="w-40 rounded-md border border-slate-300 bg-surface px-2 py-1.5 text-sm"
          />
          <Button
            variant="secondary"
            disabled={pending || !(dirty || user.awaitingRole)}
            onClick={save}
            aria-label={user.awaitingRole ? `Assign role to ${user.name}` : `Save changes to ${user.name}`}
          >
            {user.awaitingRole ? "Assign role" : "Save"}
          </Button>
        </div>
        {error && (
          <p role="alert" className="mt-1 max-w-md text-sm text-rose-700">
            {error}
          </p>
        )}
      </td>
      <td className="px-3 py-2 text-right align-top">
        {status === "active" && (
          <Button
            variant="ghost"
            disabled={pending}
            onClick={() => setActive(false)}
            aria-label={`Deactivate ${user.name}`}
          >
            Deactivate
          </Button>
        )}
        {status === "deactivated" && (
          <Button
            variant="ghost"
            disabled={pending}
            onClick={() => setActive(true)}
            aria-label={`Reactivate ${user.name}`}
          >
            Reactivate
          </Button>
        )}
      </td>
    </tr>
  );
}
