// Cost and net value, prioritisation (the scoring model and scores), the risk screening's actions, the plan, the use-case import, out-of-office
// delegation and the getting-started checklist (routes and actions).
import {
  ADMIN_ONLY,
  action,
  api,
  COST_CREATE,
  type MatrixRow,
  OWNER_OR_SPONSOR,
  PLAN_UPDATE,
  RISK_MANAGE,
  RISK_ONLY,
  SCORE_CREATE,
  SIGNED_IN,
  USE_CASE_IMPORT,
} from "./kit";

export const COST_IMPORT_DELEGATION_ROWS: readonly MatrixRow[] = [
  // --- Cost and net value ------------------------------------------------------------------
  api("GET", "/use-cases/[key]/costs", SIGNED_IN, "use-case:read."),
  api("POST", "/use-cases/[key]/costs", COST_CREATE, "cost:create."),
  action("server/actions/value.ts", "createCostAction", COST_CREATE, "cost:create."),
  // --- Prioritisation ----------------------------------------------------------------------
  api("GET", "/scoring-model", SIGNED_IN, "use-case:read: every role reads the model and its guidance."),
  api("PUT", "/scoring-model", ADMIN_ONLY, "scoring-model:manage."),
  action("server/actions/priority.ts", "updateScoringModelAction", ADMIN_ONLY, "scoring-model:manage."),
  api("GET", "/use-cases/[key]/scores", SIGNED_IN, "use-case:read."),
  api("PUT", "/use-cases/[key]/scores", SCORE_CREATE, "score:create."),
  action("server/actions/priority.ts", "putScoresAction", SCORE_CREATE, "score:create."),
  // --- The risk screening's template --------------------------------------------------------
  api("GET", "/risk-template", SIGNED_IN, "use-case:read: every role reads the questionnaire and its rules."),
  api("PUT", "/risk-template", ADMIN_ONLY, "risk-template:manage."),
  action("server/actions/risk.ts", "updateRiskTemplateAction", ADMIN_ONLY, "risk-template:manage."),
  action("server/actions/risk.ts", "saveAssessmentAction", OWNER_OR_SPONSOR, "assessment:answer."),
  action("server/actions/risk.ts", "submitAssessmentAction", OWNER_OR_SPONSOR, "assessment:answer."),
  action(
    "server/actions/risk.ts",
    "reviewAssessmentAction",
    RISK_ONLY,
    "assessment:review: RISK only; never on a use case the reviewer owns or sponsors.",
  ),
  // --- Plan -----------------------------------------------------------------------------------
  api("GET", "/use-cases/[key]/plan", SIGNED_IN, "use-case:read."),
  api("PUT", "/use-cases/[key]/plan", PLAN_UPDATE, "plan:update."),
  action("server/actions/plans.ts", "setPlanAction", PLAN_UPDATE, "plan:update."),
  action("server/actions/risk.ts", "saveModelCardAction", OWNER_OR_SPONSOR, "model-card:update."),
  action("server/actions/risk.ts", "createRiskAction", RISK_MANAGE, "risk:manage."),
  action("server/actions/risk.ts", "updateRiskAction", RISK_MANAGE, "risk:manage."),
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
