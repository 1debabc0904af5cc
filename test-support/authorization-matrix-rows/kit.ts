// The matrix's vocabulary: what a row is, the cell presets (named after the permission of
// lib/permissions.ts they spell out), and the helpers the rows files are written with.

import type { Role } from "@/lib/lifecycle";

export type Access = "allow" | "deny" | "own";
export type Principal = Role | "anonymous";
export const PRINCIPALS = [
  "ADMIN",
  "BUSINESS",
  "DATA_SCIENTIST",
  "IT",
  "RISK",
  "anonymous",
] as const satisfies Principal[];

/** How the entry point authenticates its caller. */
export type Auth =
  /** No credentials needed. */
  | "public"
  /** A Bearer API token, or the browser session (apiRoute in server/http/api-route.ts). */
  | "token-or-session"
  /** The browser session cookie only (getCurrentUser): a Bearer token is not read. */
  | "session"
  /** ROADBOOK_METRICS_TOKEN only: no user credential opens it. */
  | "metrics-token";

export type Cells = Record<Principal, Access>;

export type RouteRow = {
  kind: "route";
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
  /** The URL path, with the route's dynamic segments as in app/ ([key], [id], ...). */
  path: string;
  /** The route file, relative to the repository root. */
  file: string;
  auth: Auth;
  access: Cells;
  note?: string;
};

export type ActionRow = {
  kind: "action";
  /** The "use server" file, relative to the repository root. */
  file: string;
  /** The exported async function. */
  name: string;
  access: Cells;
  note?: string;
};

export type MatrixRow = RouteRow | ActionRow;

// Cell presets, named after the permission of lib/permissions.ts they spell out.
export const PUBLIC: Cells = {
  ADMIN: "allow",
  BUSINESS: "allow",
  DATA_SCIENTIST: "allow",
  IT: "allow",
  RISK: "allow",
  anonymous: "allow",
};
export const NOBODY: Cells = {
  ADMIN: "deny",
  BUSINESS: "deny",
  DATA_SCIENTIST: "deny",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};
/** Any signed-in user: use-case:read, service:check, feedback:create, comment:create, api-token:manage. */
export const SIGNED_IN: Cells = {
  ADMIN: "allow",
  BUSINESS: "allow",
  DATA_SCIENTIST: "allow",
  IT: "allow",
  RISK: "allow",
  anonymous: "deny",
};
/** user:manage, use-case:reopen, checklist-template:manage, settings:manage, webhook:manage, audit:read. */
export const ADMIN_ONLY: Cells = {
  ADMIN: "allow",
  BUSINESS: "deny",
  DATA_SCIENTIST: "deny",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};
/** Every signed-in user, on their own records only. */
export const EACH_OWN: Cells = {
  ADMIN: "own",
  BUSINESS: "own",
  DATA_SCIENTIST: "own",
  IT: "own",
  RISK: "own",
  anonymous: "deny",
};
export const USE_CASE_CREATE: Cells = {
  ADMIN: "allow",
  BUSINESS: "allow",
  DATA_SCIENTIST: "allow",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};
/** use-case:update and estimate:create: admins on any; business and data scientists as owner or sponsor; never IT. */
export const OWNER_OR_SPONSOR: Cells = {
  ADMIN: "allow",
  BUSINESS: "own",
  DATA_SCIENTIST: "own",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};
export const GATE_REQUEST: Cells = {
  ADMIN: "allow",
  BUSINESS: "deny",
  DATA_SCIENTIST: "own",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};
/**
 * gate:decide is BUSINESS, IT and RISK; the matrix uses a G2 review, whose deciders are BUSINESS
 * and IT (RISK decides only G3 of a high-risk use case: refused here by the gate's deciders).
 */
export const GATE_DECIDE: Cells = {
  ADMIN: "deny",
  BUSINESS: "allow",
  DATA_SCIENTIST: "deny",
  IT: "allow",
  RISK: "deny",
  anonymous: "deny",
};
export const CONDITION_CLOSE: Cells = {
  ADMIN: "allow",
  BUSINESS: "own",
  DATA_SCIENTIST: "own",
  IT: "own",
  RISK: "deny",
  anonymous: "deny",
};
/** checklist:update and service:manage: IT and admins on any use case, data scientists on theirs, never business. */
export const IT_OR_OWNING_DS: Cells = {
  ADMIN: "allow",
  BUSINESS: "deny",
  DATA_SCIENTIST: "own",
  IT: "allow",
  RISK: "deny",
  anonymous: "deny",
};
export const IT_ONLY: Cells = {
  ADMIN: "deny",
  BUSINESS: "deny",
  DATA_SCIENTIST: "deny",
  IT: "allow",
  RISK: "deny",
  anonymous: "deny",
};
export const ACTUAL_CREATE: Cells = {
  ADMIN: "allow",
  BUSINESS: "own",
  DATA_SCIENTIST: "own",
  IT: "allow",
  RISK: "deny",
  anonymous: "deny",
};

/** assessment:review: the risk officer only, and never on a use case they own or sponsor (an extra check). */
export const RISK_ONLY: Cells = {
  ADMIN: "deny",
  BUSINESS: "deny",
  DATA_SCIENTIST: "deny",
  IT: "deny",
  RISK: "allow",
  anonymous: "deny",
};
/** risk:manage: admins and the risk officer on any use case; business and data scientists as owner or sponsor. */
export const RISK_MANAGE: Cells = {
  ADMIN: "allow",
  BUSINESS: "own",
  DATA_SCIENTIST: "own",
  IT: "deny",
  RISK: "allow",
  anonymous: "deny",
};
/** cost:create: business and IT on any use case; data scientists and admins as owner or sponsor. */
export const COST_CREATE: Cells = {
  ADMIN: "own",
  BUSINESS: "allow",
  DATA_SCIENTIST: "own",
  IT: "allow",
  RISK: "deny",
  anonymous: "deny",
};

/** score:create: business on any use case; data scientists and admins as owner or sponsor. */
export const SCORE_CREATE: Cells = {
  ADMIN: "own",
  BUSINESS: "allow",
  DATA_SCIENTIST: "own",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};

/** use-case:import: a data scientist's "own" = every row's owner is the data scientist. */
export const USE_CASE_IMPORT: Cells = {
  ADMIN: "allow",
  BUSINESS: "allow",
  DATA_SCIENTIST: "own",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};

/** plan:update: admins and BUSINESS on any use case, data scientists as owner or sponsor (the import's cells). */
export const PLAN_UPDATE: Cells = USE_CASE_IMPORT;

export const route = (
  method: RouteRow["method"],
  path: string,
  file: string,
  access: Cells,
  options: { auth?: Auth; note?: string } = {},
): RouteRow => ({
  kind: "route",
  method,
  path,
  file,
  auth: options.auth ?? "token-or-session",
  access,
  note: options.note,
});

export const V1 = "app/api/v1";
export const api = (method: RouteRow["method"], path: string, access: Cells, note?: string): RouteRow =>
  route(method, `/api/v1${path}`, `${V1}${path}/route.ts`, access, { note });

export const action = (file: string, name: string, access: Cells, note?: string): ActionRow => ({
  kind: "action",
  file,
  name,
  access,
  note,
});

/** A row's stable label: "GET /api/v1/use-cases" or "server/actions/use-cases.ts#createUseCaseAction". */
export function rowId(row: MatrixRow): string {
  return row.kind === "route" ? `${row.method} ${row.path}` : `${row.file}#${row.name}`;
}
