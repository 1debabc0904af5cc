import "server-only";
// The records an import's rows name, read in one query each: existing use cases and people.
import { z } from "zod";
import type { Parsed } from "@/lib/import/values";
import { db } from "../db";
import type { Invitation } from "./row-plan";

export type Person = { id: string; active: boolean; invitation?: Invitation };
export type Existing = Awaited<ReturnType<typeof loadExisting>>[number];

const isEmail = (text: string) => z.email().safeParse(text).success;

export async function loadExisting(numbers: number[], externalIds: string[]) {
  if (numbers.length === 0 && externalIds.length === 0) return [];
  return db.useCase.findMany({
    where: { OR: [{ number: { in: numbers } }, { externalId: { in: externalIds } }] },
    select: {
      id: true,
      number: true,
      externalId: true,
      title: true,
      summary: true,
      output: true,
      outcome: true,
      pocResult: true,
      benefitArea: true,
      ebitdaLow: true,
      ebitdaBase: true,
      ebitdaHigh: true,
      currency: true,
      stage: true,
      status: true,
      ownerId: true,
      sponsorId: true,
      tags: true,
      version: true,
    },
  });
}

/**
 * People named in the owner and sponsor columns, by email (any case) or, failing that, by exact
 * name. With `invite`, an unknown but well-formed email is a user to create (see Invitation).
 */
export async function loadPeople(texts: string[], invite: { ownerEmails: Set<string> } | null) {
  const emails = texts.filter((t) => t.includes("@")).map((t) => t.toLowerCase());
  const names = texts.filter((t) => !t.includes("@"));
  const users =
    texts.length === 0
      ? []
      : await db.user.findMany({
          where: { OR: [{ email: { in: emails } }, { name: { in: names } }] },
          select: { id: true, email: true, name: true, active: true },
        });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const byName = new Map<string, Person[]>();
  for (const user of users) byName.set(user.name, [...(byName.get(user.name) ?? []), user]);
  const invitations = new Map<string, Invitation>();
  const invitationFor = (email: string): Invitation => {
    const existing = invitations.get(email);
    if (existing) return existing;
    const invitation: Invitation = {
      placeholder: `invite:${invitations.size}`,
      email,
      name: (email.split("@")[0] ?? email).slice(0, 100) || email,
      role: invite?.ownerEmails.has(email) ? "DATA_SCIENTIST" : "BUSINESS",
    };
    invitations.set(email, invitation);
    return invitation;
  };
  return (text: string): Parsed<Person> => {
    if (text.includes("@")) {
      const email = text.toLowerCase();
      const user = byEmail.get(email);
      if (user) return { ok: true, value: user };
      if (invite && isEmail(email)) {
        const invitation = invitationFor(email);
        return { ok: true, value: { id: invitation.placeholder, active: true, invitation } };
      }
      return { ok: false, message: `No user has the email ${text}.` };
    }
    const found = byName.get(text) ?? [];
    if (found.length === 1 && found[0]) return { ok: true, value: found[0] };
    if (found.length > 1) return { ok: false, message: `Several users are named ${text}: give the email instead.` };
    return { ok: false, message: `No user has the email ${text}: give the person's email address.` };
  };
}
