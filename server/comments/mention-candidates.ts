import "server-only";
import type { Role } from "../../lib/lifecycle";
import type { Actor } from "../../lib/permissions";
import { MentionQuerySchema } from "../../lib/validation/comment";
import { db } from "../db";
import { escapeLike } from "../like-text";
import { parseInput } from "../use-cases/validate-input";

export type MentionCandidate = { id: string; name: string; role: Role };

const MAX_CANDIDATES = 8;

/**
 * Active users for the @mention autocomplete whose name (any word of it) or email starts
 * with what was typed, at most 8, by name. Any signed-in user may ask; the actor is left
 * out (mentioning oneself notifies no one).
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
        { email: { startsWith: q.toLowerCase() } },
      ],
    },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MAX_CANDIDATES,
  });
}
