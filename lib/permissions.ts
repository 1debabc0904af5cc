// Who may do what: one table, read by the server (which enforces it) and by the UI
// (which hides what the user may not do). Deny by default: an action or role
// missing here is refused.
import { decidersFor, type GateDefinition, type Role } from "./lifecycle";
import type { RiskTier } from "./risk-screening";

/** "any": every record; "own": records the user owns or sponsors. */
export type Scope = "any" | "own";

export const PERMISSIONS = {
  "use-case:read": { ADMIN: "any", BUSINESS: "any", DATA_SCIENTIST: "any", IT: "any", RISK: "any" },
  "use-case:create": { ADMIN: "any", BUSINESS: "any", DATA_SCIENTIST: "any" },
  "use-case:update": { ADMIN: "any", BUSINESS: "own", DATA_SCIENTIST: "own" },
  "user:manage": { ADMIN: "any" },
  /** Ask for the gate out of the current stage: the owner, or an admin. */
  "gate:request": { ADMIN: "any", DATA_SCIENTIST: "own" },
  /**
   * Vote on a gate; each gate further names its decider roles (lib/lifecycle.ts GATES), and
   * RISK decides only where the use case's tier adds it (G3 of a high-risk use case).
   */
  "gate:decide": { BUSINESS: "any", IT: "any", RISK: "any" },
  /** Reopen a stopped use case (recorded in the audit trail). */
  "use-case:reopen": { ADMIN: "any" },
  /** Close a condition of a go with conditions; "own" = the condition's owner (checked by the server). */
  "condition:close": { ADMIN: "any", BUSINESS: "own", DATA_SCIENTIST: "own", IT: "own" },
  /** Work a checklist item: IT and admins on any use case, data scientists on the ones they own. */
  "checklist:update": { ADMIN: "any", IT: "any", DATA_SCIENTIST: "own" },
  /** The handover: IT signs a complete checklist off. */
  "checklist:sign-off": { IT: "any" },
  "checklist-template:manage": { ADMIN: "any" },
  /** Revise the value estimate: admins, and the owner or sponsor. */
  "estimate:create": { ADMIN: "any", BUSINESS: "own", DATA_SCIENTIST: "own" },
  /** Set a use case's plan (its target day per stage): admins, BUSINESS on any use case, and the owner or sponsor. */
  "plan:update": { ADMIN: "any", BUSINESS: "any", DATA_SCIENTIST: "own" },
  /** Record realised value: admins, the owner or sponsor, and IT (pipelines post it with IT tokens). */
  "actual:create": { ADMIN: "any", BUSINESS: "own", DATA_SCIENTIST: "own", IT: "any" },
  "settings:manage": { ADMIN: "any" },
  /** Register, edit, import and remove a use case's services. */
  "service:manage": { ADMIN: "any", IT: "any", DATA_SCIENTIST: "own" },
  /** Run a health probe now. */
  "service:check": { ADMIN: "any", BUSINESS: "any", DATA_SCIENTIST: "any", IT: "any", RISK: "any" },
  "feedback:create": { ADMIN: "any", BUSINESS: "any", DATA_SCIENTIST: "any", IT: "any", RISK: "any" },
  /** Comment in a use case's or a gate review's thread (and @mention people). */
  "comment:create": { ADMIN: "any", BUSINESS: "any", DATA_SCIENTIST: "any", IT: "any", RISK: "any" },
  /** Register, edit, test and remove outgoing webhooks; read their delivery log. */
  "webhook:manage": { ADMIN: "any" },
  /** The whole audit trail (the Audit page); a use case's own activity only needs use-case:read. */
  "audit:read": { ADMIN: "any" },
  /** Create, list and revoke one's own API tokens. */
  "api-token:manage": { ADMIN: "any", BUSINESS: "any", DATA_SCIENTIST: "any", IT: "any", RISK: "any" },
  /** List and revoke any user's API tokens (Admin → Users). */
  "api-token:manage-any": { ADMIN: "any" },
  /** Record a use case's monthly costs: BUSINESS (finance) on any use case, IT (cloud bills), and the owner or sponsor. */
  "cost:create": { ADMIN: "own", BUSINESS: "any", DATA_SCIENTIST: "own", IT: "any" },
  /** Change the scoring model's criteria and weights (each change is a new version). */
  "scoring-model:manage": { ADMIN: "any" },
  /** Freeze the ranked list of a funding round (a snapshot; every signed-in role reads them). */
  "funding-snapshot:create": { ADMIN: "any", BUSINESS: "any" },
  /** Score a use case on the model's criteria: BUSINESS on any use case, and the owner or sponsor. */
  "score:create": { ADMIN: "own", BUSINESS: "any", DATA_SCIENTIST: "own" },
  /** Answer a use case's risk screening and submit it for review: admins, and the owner or sponsor. */
  "assessment:answer": { ADMIN: "any", BUSINESS: "own", DATA_SCIENTIST: "own" },
  /** Change the risk screening's questionnaire and rules (each change is a new version). */
  "risk-template:manage": { ADMIN: "any" },
  /** Approve a submitted screening or request changes: the risk officer, never on a use case they own or sponsor. */
  "assessment:review": { RISK: "any" },
  /** Write a use case's model card: admins, and the owner or sponsor. */
  "model-card:update": { ADMIN: "any", BUSINESS: "own", DATA_SCIENTIST: "own" },
  /** Add and edit the entries of a use case's risk register: admins, the owner or sponsor, and the risk officer. */
  "risk:manage": { ADMIN: "any", BUSINESS: "own", DATA_SCIENTIST: "own", RISK: "any" },
  /** Accept a risk, with a rationale: the risk officer, and the business owner or sponsor. */
  "risk:accept": { BUSINESS: "own", RISK: "any" },
  /** Import use cases from a spreadsheet; "own" = a data scientist imports only use cases they own. */
  "use-case:import": { ADMIN: "any", BUSINESS: "any", DATA_SCIENTIST: "own" },
  /** Connect model registries (MLflow): base URL, credentials, TLS. */
  "registry:manage": { ADMIN: "any" },
  /** Link registered models and the code repository to a use case. */
  "model-link:manage": { ADMIN: "any", IT: "any", DATA_SCIENTIST: "own" },
  /** Remove anyone's evidence file (the uploader removes their own). */
  "attachment:delete-any": { ADMIN: "any" },
  /** Set or end one's own out-of-office delegate. */
  "delegation:manage-own": { ADMIN: "any", BUSINESS: "any", DATA_SCIENTIST: "any", IT: "any", RISK: "any" },
  /** See every delegation and end any of them (Admin → Delegations). */
  "delegation:manage-any": { ADMIN: "any" },
  /** Save, rename, update and delete one's own views of the use-case list, and choose its columns. */
  "view:manage": { ADMIN: "any", BUSINESS: "any", DATA_SCIENTIST: "any", IT: "any", RISK: "any" },
  /** Share a saved view with everyone (a personal one only its owner sees). */
  "view:share": { ADMIN: "any", BUSINESS: "any" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof PERMISSIONS;

export type Actor = { id: string; role: Role };
export type OwnedRecord = { ownerId: string; sponsorId?: string | null };

export function scopeOf(actor: Actor, permission: Permission): Scope | null {
  const rule = PERMISSIONS[permission] as Partial<Record<Role, Scope>>;
  return rule[actor.role] ?? null;
}

/** May `actor` do `permission`, on `record` when the rule is scoped to own records? */
export function can(actor: Actor | null | undefined, permission: Permission, record?: OwnedRecord): boolean {
  if (!actor) return false;
  const scope = scopeOf(actor, permission);
  if (scope === "any") return true;
  if (scope === "own") {
    if (!record) return false;
    return record.ownerId === actor.id || record.sponsorId === actor.id;
  }
  return false;
}

/**
 * Why `actor` may not vote on a review of `gate`, or null when they may: "role" unless the
 * role holds gate:decide and is one of the gate's deciders for the use case's risk tier
 * (`decidersFor`); "requester" for whoever requested
 * the review; "sponsor" for the use case's sponsor where the gate does not allow it
 * (`sponsorMayDecide`).
 */
export function gateVoteRefusal(
  actor: Actor,
  gate: Pick<GateDefinition, "deciders" | "tierDeciders" | "sponsorMayDecide">,
  review: { requestedById: string; sponsorId: string | null; riskTier?: RiskTier | null },
): "role" | "requester" | "sponsor" | null {
  if (!can(actor, "gate:decide") || !decidersFor(gate, review.riskTier ?? null).includes(actor.role)) return "role";
  if (review.requestedById === actor.id) return "requester";
  if (!gate.sponsorMayDecide && review.sponsorId === actor.id) return "sponsor";
  return null;
}
