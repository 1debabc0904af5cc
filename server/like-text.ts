// LIKE/ILIKE treat % and _ as wildcards and \ as their escape. Text a user searches for is
// literal: escape those three before it becomes a pattern (Prisma's `contains`, `startsWith`
// do not escape them).
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
