// The authorization matrix: every route handler (method + path) and every server action
// (file + exported name) of the app, and what each role, and an anonymous visitor, may do
// with it. The expectations are derived from lib/permissions.ts (one rule per permission,
// deny by default), the decider roles of each gate in lib/lifecycle.ts GATES, and the
// server/ function each entry point calls. e2e/authorization-matrix.spec.ts checks that
// this table lists exactly the handlers and actions in the code (a new one fails until it
// is listed here) and runs every cell against the production build.
//
//   allow  the role may, on any record (it may still fail validation with a minimal input)
//   deny   refused (401 / 403 / the forbidden ActionResult), and nothing changes
//   own    allowed on records the user owns or sponsors (or, where said, owns by another
//          link: the condition's owner, the token's user), refused on everyone else's

import type { Role } from "../lib/lifecycle";

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

type Cells = Record<Principal, Access>;

export type RouteRow = {
  kind: "route";
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
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
const PUBLIC: Cells = {
  ADMIN: "allow",
  BUSINESS: "allow",
  DATA_SCIENTIST: "allow",
  IT: "allow",
  RISK: "allow",
  anonymous: "allow",
};
const NOBODY: Cells = {
  ADMIN: "deny",
  BUSINESS: "deny",
  DATA_SCIENTIST: "deny",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};
/** Any signed-in user: use-case:read, service:check, feedback:create, comment:create, api-token:manage. */
const SIGNED_IN: Cells = {
  ADMIN: "allow",
  BUSINESS: "allow",
  DATA_SCIENTIST: "allow",
  IT: "allow",
  RISK: "allow",
  anonymous: "deny",
};
/** user:manage, use-case:reopen, checklist-template:manage, settings:manage, webhook:manage, audit:read. */
const ADMIN_ONLY: Cells = {
  ADMIN: "allow",
  BUSINESS: "deny",
  DATA_SCIENTIST: "deny",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};
/** Every signed-in user, on their own records only. */
const EACH_OWN: Cells = {
  ADMIN: "own",
  BUSINESS: "own",
  DATA_SCIENTIST: "own",
  IT: "own",
  RISK: "own",
  anonymous: "deny",
};
const USE_CASE_CREATE: Cells = {
  ADMIN: "allow",
  BUSINESS: "allow",
  DATA_SCIENTIST: "allow",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};
/** use-case:update and estimate:create: admins on any; business and data scientists as owner or sponsor; never IT. */
const OWNER_OR_SPONSOR: Cells = {
  ADMIN: "allow",
  BUSINESS: "own",
  DATA_SCIENTIST: "own",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};
const GATE_REQUEST: Cells = {
  ADMIN: "allow",
  BUSINESS: "deny",
  DATA_SCIENTIST: "own",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};
/** gate:decide is BUSINESS and IT; the matrix uses a G2 review, whose deciders are BUSINESS and IT. */
const GATE_DECIDE: Cells = {
  ADMIN: "deny",
  BUSINESS: "allow",
  DATA_SCIENTIST: "deny",
  IT: "allow",
  RISK: "deny",
  anonymous: "deny",
};
const CONDITION_CLOSE: Cells = {
  ADMIN: "allow",
  BUSINESS: "own",
  DATA_SCIENTIST: "own",
  IT: "own",
  RISK: "deny",
  anonymous: "deny",
};
/** checklist:update and service:manage: IT and admins on any use case, data scientists on theirs, never business. */
const IT_OR_OWNING_DS: Cells = {
  ADMIN: "allow",
  BUSINESS: "deny",
  DATA_SCIENTIST: "own",
  IT: "allow",
  RISK: "deny",
  anonymous: "deny",
};
const IT_ONLY: Cells = {
  ADMIN: "deny",
  BUSINESS: "deny",
  DATA_SCIENTIST: "deny",
  IT: "allow",
  RISK: "deny",
  anonymous: "deny",
};
const ACTUAL_CREATE: Cells = {
  ADMIN: "allow",
  BUSINESS: "own",
  DATA_SCIENTIST: "own",
  IT: "allow",
  RISK: "deny",
  anonymous: "deny",
};

/** assessment:review: the risk officer only, and never on a use case they own or sponsor (an extra check). */
const RISK_ONLY: Cells = {
  ADMIN: "deny",
  BUSINESS: "deny",
  DATA_SCIENTIST: "deny",
  IT: "deny",
  RISK: "allow",
  anonymous: "deny",
};
/** cost:create: business and IT on any use case; data scientists and admins as owner or sponsor. */
const COST_CREATE: Cells = {
  ADMIN: "own",
  BUSINESS: "allow",
  DATA_SCIENTIST: "own",
  IT: "allow",
  RISK: "deny",
  anonymous: "deny",
};

/** use-case:import: a data scientist's "own" = every row's owner is the data scientist. */
const USE_CASE_IMPORT: Cells = {
  ADMIN: "allow",
  BUSINESS: "allow",
  DATA_SCIENTIST: "own",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};

const route = (
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

const V1 = "app/api/v1";
const api = (method: RouteRow["method"], path: string, access: Cells, note?: string): RouteRow =>
  route(method, `/api/v1${path}`, `${V1}${path}/route.ts`, access, { note });

const action = (file: string, name: string, access: Cells, note?: string): ActionRow => ({
  kind: "action",
  file,
  name,
  access,
  note,
});

export const MATRIX: readonly MatrixRow[] = [
  // --- Public and infrastructure routes -------------------------------------------------
  route("GET", "/api/health", "app/api/health/route.ts", PUBLIC, { auth: "public" }),
  route("GET", "/api/v1/openapi.json", "app/api/v1/openapi.json/route.ts", PUBLIC, { auth: "public" }),
  route("GET", "/api/auth/[...nextauth]", "app/api/auth/[...nextauth]/route.ts", PUBLIC, {
    auth: "public",
    note: "next-auth (csrf, session, providers): public by design.",
  }),
  route("POST", "/api/auth/[...nextauth]", "app/api/auth/[...nextauth]/route.ts", PUBLIC, {
    auth: "public",
    note: "next-auth sign-in (throttled) and sign-out: public by design.",
  }),
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method) =>
    route(method, "/api/[...path]", "app/api/[...path]/route.ts", NOBODY, {
      note: "Unknown API paths: a problem+json 404 for everybody.",
    }),
  ),
  route("GET", "/api/metrics", "app/api/metrics/route.ts", NOBODY, {
    auth: "metrics-token",
    note: "Only ROADBOOK_METRICS_TOKEN opens it (404 when unset): a user's session or API token is refused (401).",
  }),

  // --- Browser-session downloads (cookie only) --------------------------------------------
  route("GET", "/use-cases/export.csv", "app/(app)/use-cases/export.csv/route.ts", SIGNED_IN, {
    auth: "session",
    note: "use-case:read.",
  }),
  route("GET", "/admin/audit/export.csv", "app/(app)/admin/audit/export.csv/route.ts", ADMIN_ONLY, {
    auth: "session",
    note: "audit:read for the whole trail; with ?useCase=UC-n any reader gets that use case's events.",
  }),

  // --- API v1 ------------------------------------------------------------------------------
  api("GET", "/audit", ADMIN_ONLY, "audit:read for the whole trail; with ?useCase=UC-n any reader (use-case:read)."),
  api("GET", "/checklist-templates", SIGNED_IN, "use-case:read."),
  api("PUT", "/checklist-templates/[stage]", ADMIN_ONLY, "checklist-template:manage."),
  api(
    "POST",
    "/conditions/[id]/close",
    CONDITION_CLOSE,
    "condition:close: 'own' is the condition's owner (whoever the decider named), not the use case's owner or sponsor; admins close any.",
  ),
  api(
    "POST",
    "/gates/[id]/decisions",
    GATE_DECIDE,
    "gate:decide AND the gate's deciders (G1: BUSINESS; G2: BUSINESS and IT; G3: IT and BUSINESS): an admin never votes, IT may not vote on G1; and the user who requested a review may not decide it.",
  ),
  api("GET", "/portfolio/summary", SIGNED_IN, "use-case:read."),
  api("POST", "/services/[id]/check", SIGNED_IN, "service:check: any role runs a probe now."),
  api("PATCH", "/services/[id]", IT_OR_OWNING_DS, "service:manage on the service's use case."),
  api("DELETE", "/services/[id]", IT_OR_OWNING_DS, "service:manage on the service's use case."),
  api("GET", "/settings", SIGNED_IN, "Any signed-in user reads the settings; the probe allowlist only ADMIN."),
  api("PATCH", "/settings", ADMIN_ONLY, "settings:manage."),
  api("GET", "/users", ADMIN_ONLY, "user:manage."),
  api("POST", "/users", ADMIN_ONLY, "user:manage."),
  api("PATCH", "/users/[id]", ADMIN_ONLY, "user:manage (the last active admin is protected: 409, not 403)."),
  api("GET", "/tokens", SIGNED_IN, "api-token:manage: lists the caller's own tokens only."),
  route("POST", "/api/v1/tokens", `${V1}/tokens/route.ts`, SIGNED_IN, {
    auth: "session",
    note: "api-token:manage: a token for the caller only, from a browser session signed in within 15 minutes; an API token is refused (403).",
  }),
  api("GET", "/users/[id]/tokens", ADMIN_ONLY, "api-token:manage-any: any user's tokens."),
  api("DELETE", "/users/[id]/tokens/[tokenId]", ADMIN_ONLY, "api-token:manage-any: revoke any user's token."),
  api(
    "DELETE",
    "/tokens/[id]",
    EACH_OWN,
    "api-token:manage, own = the token's user (admins included); another user's token answers 404, its existence is not revealed.",
  ),
  api("GET", "/use-cases", SIGNED_IN, "use-case:read."),
  api("POST", "/use-cases", USE_CASE_CREATE, "use-case:create: not IT."),
  api("GET", "/use-cases/[key]", SIGNED_IN, "use-case:read."),
  api("PATCH", "/use-cases/[key]", OWNER_OR_SPONSOR, "use-case:update."),
  api("GET", "/use-cases/[key]/actuals", SIGNED_IN, "use-case:read."),
  api(
    "POST",
    "/use-cases/[key]/actuals",
    ACTUAL_CREATE,
    "actual:create: IT on any use case (pipelines post with IT tokens).",
  ),
  api("GET", "/use-cases/[key]/checklist", SIGNED_IN, "use-case:read."),
  api("PATCH", "/use-cases/[key]/checklist/[itemId]", IT_OR_OWNING_DS, "checklist:update."),
  api(
    "POST",
    "/use-cases/[key]/checklist/sign-off",
    IT_ONLY,
    "checklist:sign-off: IT signs the handover off, not even an admin.",
  ),
  api("GET", "/use-cases/[key]/changes", SIGNED_IN, "use-case:read."),
  api("GET", "/use-cases/[key]/comments", SIGNED_IN, "use-case:read."),
  api("POST", "/use-cases/[key]/comments", SIGNED_IN, "comment:create."),
  api("GET", "/use-cases/[key]/estimates", SIGNED_IN, "use-case:read."),
  api("POST", "/use-cases/[key]/estimates", OWNER_OR_SPONSOR, "estimate:create."),
  api("GET", "/use-cases/[key]/feedback", SIGNED_IN, "use-case:read."),
  api("POST", "/use-cases/[key]/feedback", SIGNED_IN, "feedback:create."),
  api("GET", "/use-cases/[key]/gates", SIGNED_IN, "use-case:read."),
  api(
    "POST",
    "/use-cases/[key]/gates",
    GATE_REQUEST,
    "gate:request: the owner (or sponsor) if a data scientist, or an admin; a business sponsor may not request.",
  ),
  api("POST", "/use-cases/[key]/reopen", ADMIN_ONLY, "use-case:reopen."),
  api("GET", "/use-cases/[key]/services", SIGNED_IN, "use-case:read."),
  api("POST", "/use-cases/[key]/services", IT_OR_OWNING_DS, "service:manage."),
  api(
    "POST",
    "/use-cases/[key]/services/import",
    IT_OR_OWNING_DS,
    "service:manage ('Register, edit, import and remove a use case's services'), for the preview too: previewComposeAction refuses the preview without service:manage, so the API's preview (no ?save=true) must as well. The matrix runs ?save=true per role, and the preview for a business sponsor and a data scientist on someone else's use case.",
  ),
  api("POST", "/webhook-deliveries/[id]/retry", ADMIN_ONLY, "webhook:manage."),
  api("GET", "/webhooks", ADMIN_ONLY, "webhook:manage."),
  api("POST", "/webhooks", ADMIN_ONLY, "webhook:manage."),
  api("GET", "/webhooks/[id]", ADMIN_ONLY, "webhook:manage."),
  api("PATCH", "/webhooks/[id]", ADMIN_ONLY, "webhook:manage."),
  api("DELETE", "/webhooks/[id]", ADMIN_ONLY, "webhook:manage."),
  api("GET", "/webhooks/[id]/deliveries", ADMIN_ONLY, "webhook:manage (the delivery log)."),
  api("POST", "/webhooks/[id]/rotate-secret", ADMIN_ONLY, "webhook:manage."),
  api("POST", "/webhooks/[id]/test", ADMIN_ONLY, "webhook:manage."),

  // --- Risk screening ------------------------------------------------------------------------
  api("GET", "/use-cases/[key]/assessment", SIGNED_IN, "use-case:read."),
  api(
    "PATCH",
    "/use-cases/[key]/assessment",
    OWNER_OR_SPONSOR,
    "assessment:answer: the owner or sponsor, or an admin.",
  ),
  api("POST", "/use-cases/[key]/assessment/submit", OWNER_OR_SPONSOR, "assessment:answer."),
  api(
    "POST",
    "/use-cases/[key]/assessment/review",
    RISK_ONLY,
    "assessment:review: RISK only, not even an admin; never on a use case the reviewer owns or sponsors.",
  ),
  // --- The ML toolchain ---
  api("GET", "/registries", ADMIN_ONLY, "registry:manage."),
  api("POST", "/registries", ADMIN_ONLY, "registry:manage."),
  api("DELETE", "/registries/[id]", ADMIN_ONLY, "registry:manage."),
  api("GET", "/use-cases/[key]/models", SIGNED_IN, "use-case:read."),
  api("POST", "/use-cases/[key]/models", IT_OR_OWNING_DS, "model-link:manage."),
  api("DELETE", "/use-cases/[key]/models/[id]", IT_OR_OWNING_DS, "model-link:manage."),
  api("POST", "/use-cases/[key]/models/sync", SIGNED_IN, "use-case:read: a sync observes, like a health check."),
  api("GET", "/use-cases/[key]/repository", SIGNED_IN, "use-case:read."),
  api("PUT", "/use-cases/[key]/repository", IT_OR_OWNING_DS, "model-link:manage."),
  api(
    "GET",
    "/use-cases/[key]/deployment-approval",
    SIGNED_IN,
    "use-case:read; also the one endpoint a deploy:check token may call.",
  ),

  // --- Server actions ------------------------------------------------------------------------
  action("server/actions/webhooks.ts", "createWebhookAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "updateWebhookAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "deleteWebhookAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "rotateWebhookSecretAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "sendTestWebhookAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "retryDeliveryAction", ADMIN_ONLY, "webhook:manage."),

  action("server/actions/registry.ts", "createRegistryAction", ADMIN_ONLY, "registry:manage."),
  action("server/actions/registry.ts", "deleteRegistryAction", ADMIN_ONLY, "registry:manage."),
  action("server/actions/registry.ts", "linkModelAction", IT_OR_OWNING_DS, "model-link:manage."),
  action("server/actions/registry.ts", "syncModelsAction", SIGNED_IN, "use-case:read."),
  action("server/actions/registry.ts", "setRepositoryAction", IT_OR_OWNING_DS, "model-link:manage."),

  action("server/actions/checklists.ts", "updateChecklistItemAction", IT_OR_OWNING_DS, "checklist:update."),
  action("server/actions/checklists.ts", "signOffChecklistAction", IT_ONLY, "checklist:sign-off: IT only, not admins."),
  action("server/actions/checklists.ts", "updateTemplateAction", ADMIN_ONLY, "checklist-template:manage."),

  action("server/actions/gates.ts", "requestGateAction", GATE_REQUEST, "gate:request (see the API row)."),
  action(
    "server/actions/gates.ts",
    "decideGateAction",
    GATE_DECIDE,
    "gate:decide AND the gate's deciders; the requester may not decide their own review (see the API row).",
  ),
  action(
    "server/actions/gates.ts",
    "closeConditionAction",
    CONDITION_CLOSE,
    "condition:close: the condition's owner, or an admin.",
  ),
  action("server/actions/gates.ts", "reopenUseCaseAction", ADMIN_ONLY, "use-case:reopen."),
  action("server/actions/feedback.ts", "createFeedbackAction", SIGNED_IN, "feedback:create."),
  action(
    "server/actions/notifications.ts",
    "markNotificationsReadAction",
    EACH_OWN,
    "No permission key, only a session: it touches the actor's own notifications; another user's ids are ignored (ok, nothing changes).",
  ),

  action("server/actions/services.ts", "createServiceAction", IT_OR_OWNING_DS, "service:manage."),
  action("server/actions/services.ts", "updateServiceAction", IT_OR_OWNING_DS, "service:manage."),
  action("server/actions/services.ts", "deleteServiceAction", IT_OR_OWNING_DS, "service:manage."),
  action("server/actions/services.ts", "checkServiceAction", SIGNED_IN, "service:check."),
  action(
    "server/actions/services.ts",
    "previewComposeAction",
    IT_OR_OWNING_DS,
    "service:manage (checked in the action itself); saves nothing.",
  ),
  action("server/actions/services.ts", "saveServicesAction", IT_OR_OWNING_DS, "service:manage."),

  action("server/actions/api-tokens.ts", "createApiTokenAction", SIGNED_IN, "api-token:manage: for the caller."),
  action(
    "server/actions/api-tokens.ts",
    "revokeApiTokenAction",
    EACH_OWN,
    "api-token:manage, own = the token's user; another user's token is 'not found'.",
  ),

  action("server/actions/comments.ts", "createCommentAction", SIGNED_IN, "comment:create."),
  action(
    "server/actions/comments.ts",
    "mentionCandidatesAction",
    SIGNED_IN,
    "No permission key: any signed-in user may look people up for an @mention.",
  ),

  action("server/actions/use-cases.ts", "createUseCaseAction", USE_CASE_CREATE, "use-case:create."),
  action("server/actions/use-cases.ts", "updateUseCaseAction", OWNER_OR_SPONSOR, "use-case:update."),

  action("server/actions/value.ts", "createEstimateAction", OWNER_OR_SPONSOR, "estimate:create."),
  action("server/actions/value.ts", "createActualAction", ACTUAL_CREATE, "actual:create."),
  action("server/actions/settings.ts", "updateOrgSettingsAction", ADMIN_ONLY, "settings:manage."),
  action("server/actions/admin-users.ts", "createUserAction", ADMIN_ONLY, "user:manage."),
  action("server/actions/admin-users.ts", "updateUserAction", ADMIN_ONLY, "user:manage."),
  action(
    "server/actions/api-tokens.ts",
    "revokeUserApiTokenAction",
    ADMIN_ONLY,
    "api-token:manage-any: revoke any user's token.",
  ),
  action("server/actions/profile.ts", "updateProfileAction", SIGNED_IN, "Every user edits their own profile only."),
  action(
    "server/actions/profile.ts",
    "changePasswordAction",
    SIGNED_IN,
    "Every user changes their own password only (the current one is required).",
  ),
  action(
    "server/actions/profile.ts",
    "signOutEverywhereAction",
    SIGNED_IN,
    "Every user signs themselves out everywhere (and may revoke their own tokens) only.",
  ),

  action(
    "server/actions/setup.ts",
    "setupAction",
    NOBODY,
    "First-run setup: open to anyone only while the database has no user at all; once set up, refused to everyone (FORBIDDEN 'Setup is already done').",
  ),

  // --- Cost and net value ------------------------------------------------------------------
  api("GET", "/use-cases/[key]/costs", SIGNED_IN, "use-case:read."),
  api("POST", "/use-cases/[key]/costs", COST_CREATE, "cost:create."),
  action("server/actions/value.ts", "createCostAction", COST_CREATE, "cost:create."),
  action("server/actions/risk.ts", "saveAssessmentAction", OWNER_OR_SPONSOR, "assessment:answer."),
  action("server/actions/risk.ts", "submitAssessmentAction", OWNER_OR_SPONSOR, "assessment:answer."),
  action(
    "server/actions/risk.ts",
    "reviewAssessmentAction",
    RISK_ONLY,
    "assessment:review: RISK only; never on a use case the reviewer owns or sponsors.",
  ),
  // --- Use-case import ----------------------------------------------------------------------
  api(
    "POST",
    "/imports/use-cases",
    USE_CASE_IMPORT,
    "use-case:import: ADMIN and BUSINESS; a data scientist only with themselves as owner ('own': a file naming another owner is refused whole); never IT.",
  ),
  // Flow: out-of-office delegation.
  api("GET", "/me/delegation", SIGNED_IN, "delegation:manage-own: the caller's own delegation."),
  api("PUT", "/me/delegation", SIGNED_IN, "delegation:manage-own: sets or ends the caller's own delegation only."),
  action(
    "server/actions/delegations.ts",
    "setMyDelegationAction",
    SIGNED_IN,
    "delegation:manage-own: the caller's own delegation only.",
  ),
  action("server/actions/delegations.ts", "endDelegationAction", ADMIN_ONLY, "delegation:manage-any."),
  action(
    "server/actions/onboarding.ts",
    "dismissGettingStartedAction",
    ADMIN_ONLY,
    "settings:manage: only admins see the getting-started checklist; each hides their own.",
  ),
];

/** A row's stable label: "GET /api/v1/use-cases" or "server/actions/use-cases.ts#createUseCaseAction". */
export function rowId(row: MatrixRow): string {
  return row.kind === "route" ? `${row.method} ${row.path}` : `${row.file}#${row.name}`;
}
