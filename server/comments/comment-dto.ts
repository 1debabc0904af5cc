import "server-only";
import type { z } from "zod";
import { formatKey } from "@/lib/lifecycle";
import { db, type Tx } from "../db";
import type { CommentResponse } from "../openapi/schemas/discussion";

type Person = { id: string; name: string };

/** The public shape of a comment (API v1 `Comment`). */
export type CommentDto = z.infer<typeof CommentResponse>;

export const commentInclude = {
  author: { select: { id: true, name: true } },
  useCase: { select: { number: true } },
} as const;

type CommentRow = {
  id: string;
  gateReviewId: string | null;
  body: string;
  mentions: string[];
  createdAt: Date;
  author: Person;
  useCase: { number: number };
};

/** Rows as DTOs, with the names of everyone they mention read in one query. */
export async function toCommentDtos(rows: CommentRow[], client: Tx | typeof db = db): Promise<CommentDto[]> {
  const ids = [...new Set(rows.flatMap((row) => row.mentions))];
  const people = ids.length
    ? await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const byId = new Map(people.map((person) => [person.id, person]));
  return rows.map((row) => ({
    id: row.id,
    useCaseKey: formatKey(row.useCase.number),
    gateReviewId: row.gateReviewId,
    author: row.author,
    body: row.body,
    mentions: row.mentions.flatMap((id) => {
      const person = byId.get(id);
      return person ? [person] : [];
    }),
    createdAt: row.createdAt.toISOString(),
  }));
}
