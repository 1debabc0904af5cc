import { isStorableText } from "@/lib/validation/storable-text";

// Typed errors of the domain layer; transports (route handlers, server actions) map them
// to HTTP problems or form errors. Nothing else should be thrown on purpose.

export type DomainErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "VALIDATION"
  | "RATE_LIMITED"
  /** A body over a limit (413): an upload larger than a file may be, or than the room left. */
  | "TOO_LARGE";

export type FieldIssue = { path: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { errors?: FieldIssue[]; retryAfterSeconds?: number; current?: unknown } = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const forbidden = (message = "Your role may not do this.") => new DomainError("FORBIDDEN", message);
export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
export const unauthenticated = () => new DomainError("UNAUTHENTICATED", "Sign in first.");

/**
 * An id or key from the outside, before it reaches a query: one PostgreSQL could not even
 * compare (a NUL, a lone surrogate) names nothing, so it is a NOT_FOUND like any unknown id.
 */
export function requireFindableId(id: unknown, what: string): string {
  if (typeof id !== "string" || !isStorableText(id)) throw notFound(what);
  return id;
}
