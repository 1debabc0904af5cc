import "server-only";
import type { DomainErrorCode, FieldIssue } from "../errors";

/** An RFC 9457 problem document. */
export function problem(
  status: number,
  title: string,
  detail: string,
  extra: { errors?: FieldIssue[]; headers?: Record<string, string>; [key: string]: unknown } = {},
): Response {
  const { headers, ...members } = extra;
  return new Response(JSON.stringify({ type: "about:blank", status, title, detail, ...members }), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

export const STATUS_OF: Record<DomainErrorCode, { status: number; title: string }> = {
  UNAUTHENTICATED: { status: 401, title: "Unauthorized" },
  FORBIDDEN: { status: 403, title: "Forbidden" },
  NOT_FOUND: { status: 404, title: "Not Found" },
  CONFLICT: { status: 409, title: "Conflict" },
  VALIDATION: { status: 422, title: "Unprocessable Content" },
  RATE_LIMITED: { status: 429, title: "Too Many Requests" },
  TOO_LARGE: { status: 413, title: "Content Too Large" },
};
