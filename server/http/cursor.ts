import "server-only";
import { DomainError } from "../errors";

// Opaque cursors for list endpoints (they encode the next offset).
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

export function decodeCursor(cursor: string | null): number {
  if (!cursor) return 0;
  const match = /^o:(\d{1,7})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match)
    throw new DomainError("VALIDATION", "The cursor is not valid.", {
      errors: [{ path: "cursor", message: "Use the nextCursor of a previous page." }],
    });
  return Number(match[1]);
}
