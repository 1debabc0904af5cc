import "server-only";
import type { Role } from "@/lib/lifecycle";
import { type Actor, can } from "@/lib/permissions";
import { MentionQuerySchema } from "@/lib/validation/comment";
import { db } from "../db";
import { parseInput } from "../http/parse-input";
import { escapeLike } from "../like-text";

export type MentionCandidate = { id: string; name: string; role: Role };

const MAX_CANDIDATES = 8;

/**
 * Active users for the @mention autocomplete whose name (any word of it) starts with what was
 * typed, at most 8, by name. Any signed-in user may ask; the actor is left out (mentioning
 * oneself notifies no one). Only an admin (who manages accounts and sees emails anyway) also
 * finds people by email prefix: for everyone else that would let them list the emails letter by
 * letter, and a mention needs only the name.
 */
export async function mentionCandidates(actor: Actor, input: unknown): Promise<MentionCandidate[]> {
  const q = escapeLike(parseInput(MentionQuerySchema, input).q);
  return db.user.findMany({
    where: {
      active: true,
      id: { not: actor.id },
      OR: [
        { name: { startsWith: q, mode: "insensitive" } },
        { name: { contains: ` ${q}`, mode: "insensitive" } },
        ...(can(actor, "user:manage") ? [{ email: { startsWith: q.toLowerCase() } }] : []),
      ],
    },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MAX_CANDIDATES,
  });
}
