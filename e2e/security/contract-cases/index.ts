// The contract tests' table (e2e/security/contract.spec.ts): for every operation of the OpenAPI registry
// (server/openapi/paths/), keyed by operationId, how to build a minimal valid request on
// fresh records, which role answers the documented success, and the probes that reach the
// error statuses the request alone cannot. An operation missing here fails its contract test.
// One file per tag of the registry, as server/openapi/paths/.

import { ATTACHMENTS_CASES } from "./attachments";
import { AUDIT_CASES } from "./audit";
import { CHECKLISTS_CASES } from "./checklists";
import { COSTS_CASES } from "./costs";
import { DELEGATIONS_CASES } from "./delegations";
import { DISCUSSION_CASES } from "./discussion";
import { FUNDING_CASES } from "./funding";
import { GATES_CASES } from "./gates";
import { IMPORTS_CASES } from "./imports";
import type { Case } from "./kit";
import { META_CASES } from "./meta";
import { PORTFOLIO_CASES } from "./portfolio";
import { PRIORITY_CASES } from "./priority";
import { RISK_CASES } from "./risk";
import { SERVICES_CASES } from "./services";
import { SETTINGS_CASES } from "./settings";
import { TOKENS_CASES } from "./tokens";
import { TOOLCHAIN_CASES } from "./toolchain";
import { USE_CASES_CASES } from "./use-cases";
import { USERS_CASES } from "./users";
import { VALUE_CASES } from "./value";
import { VIEWS_CASES } from "./views";
import { WEBHOOKS_CASES } from "./webhooks";

export const CASES: Record<string, Case> = {
  ...ATTACHMENTS_CASES,
  ...META_CASES,
  ...USE_CASES_CASES,
  ...GATES_CASES,
  ...CHECKLISTS_CASES,
  ...VALUE_CASES,
  ...DISCUSSION_CASES,
  ...AUDIT_CASES,
  ...TOKENS_CASES,
  ...WEBHOOKS_CASES,
  ...SERVICES_CASES,
  ...PORTFOLIO_CASES,
  ...PRIORITY_CASES,
  ...FUNDING_CASES,
  ...SETTINGS_CASES,
  ...USERS_CASES,
  ...COSTS_CASES,
  ...RISK_CASES,
  ...IMPORTS_CASES,
  ...TOOLCHAIN_CASES,
  ...DELEGATIONS_CASES,
  ...VIEWS_CASES,
};
