import "server-only";
import type { Prisma } from "@/generated/prisma/client";

const person = { select: { id: true, name: true, role: true, active: true } } as const;

export const delegationInclude = {
  user: person,
  delegate: person,
  endedBy: { select: { id: true, name: true } },
} satisfies Prisma.DelegationInclude;

type Person = { id: string; name: string };
type Row = Prisma.DelegationGetPayload<{ include: typeof delegationInclude }>;

/** The public shape of an out-of-office delegation (`GET /api/v1/me/delegation`). */
export type DelegationDto = {
  id: string;
  /** Who is away. */
  user: Person;
  /** Who votes in their place meanwhile. */
  delegate: Person;
  /** First and last day (inclusive, UTC). */
  from: string;
  to: string;
  /** Today is within from..to and it was not ended. */
  inForce: boolean;
  createdAt: string;
  endedAt: string | null;
  endedBy: Person | null;
};

export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);
const day = (date: Date) => date.toISOString().slice(0, 10);

export function toDelegationDto(row: Row, now = new Date()): DelegationDto {
  const today = todayIso(now);
  return {
    id: row.id,
    user: { id: row.user.id, name: row.user.name },
    delegate: { id: row.delegate.id, name: row.delegate.name },
    from: day(row.from),
    to: day(row.to),
    inForce: !row.endedAt && day(row.from) <= today && today <= day(row.to),
    createdAt: row.createdAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    endedBy: row.endedBy,
  };
}

/** Where a delegation is current: not ended, and its last day is today or later. */
export const currentWhere = (now = new Date()) =>
  ({ endedAt: null, to: { gte: new Date(`${todayIso(now)}T00:00:00Z`) } }) satisfies Prisma.DelegationWhereInput;

/** Where a delegation is in force today. */
export const inForceWhere = (now = new Date()) =>
  ({
    endedAt: null,
    from: { lte: new Date(`${todayIso(now)}T00:00:00Z`) },
    to: { gte: new Date(`${todayIso(now)}T00:00:00Z`) },
  }) satisfies Prisma.DelegationWhereInput;
