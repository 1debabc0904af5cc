import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/permissions";
import { normaliseTag } from "@/lib/tags";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { parseInput } from "../http/parse-input";
import { escapeLike } from "../like-text";
import type { TagListResponse } from "../openapi/schemas/use-cases";

export const TagListQuerySchema = z
  .object({
    /** Tags starting with this (normalised like a tag), for the autocomplete. */
    q: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export type TagCount = z.infer<typeof TagListResponse>["items"][number];

/** The tags in use, each with how many use cases carry it: most used first, then A–Z. */
export async function listTags(actor: Actor, query: unknown): Promise<{ items: TagCount[] }> {
  requirePermission(actor, "use-case:read");
  const { q, limit } = parseInput(TagListQuerySchema, query ?? {});
  const prefix = q ? normaliseTag(q) : "";
  const items = await db.$queryRaw<TagCount[]>`
    SELECT t.tag, count(*)::int AS count
    FROM "UseCase" u CROSS JOIN LATERAL unnest(u.tags) AS t(tag)
    WHERE t.tag LIKE ${`${escapeLike(prefix)}%`}
    GROUP BY t.tag ORDER BY count(*) DESC, t.tag ASC LIMIT ${limit}`;
  return { items };
}
