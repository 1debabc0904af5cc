import "server-only";
import type { Role } from "@/lib/lifecycle";
import { db } from "../db";

/** Active users for owner and sponsor pickers. */
export async function listPeople(): Promise<{ id: string; name: string; role: Role }[]> {
  return db.user.findMany({
    where: { active: true },
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" },
  });
}

/** Active users by name and email: the bulk edit's owner and sponsor pickers (it names people by email). */
export async function listPeopleEmails(): Promise<{ name: string; email: string }[]> {
  return db.user.findMany({ where: { active: true }, select: { name: true, email: true }, orderBy: { name: "asc" } });
}

/** The teams users belong to (the dashboard's filter). */
export async function listTeams(): Promise<string[]> {
  const rows = await db.user.findMany({
    where: { team: { not: null } },
    distinct: ["team"],
    select: { team: true },
    orderBy: { team: "asc" },
  });
  return rows.flatMap((row) => (row.team ? [row.team] : []));
}
