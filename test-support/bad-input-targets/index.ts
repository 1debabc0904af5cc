// The bad-input fuzz table of e2e/security/bad-input.spec.ts (server/bad-input.test.ts and
// e2e/security/no-lost-updates.spec.ts use pieces of it too): for every write operation of the OpenAPI
// registry (server/openapi/paths/), keyed by operationId, the role that may do it, fresh
// records to aim at with a valid request on them, the money fields of its body, and a snapshot
// of every row the write could touch (the target record, its children, the actor's audit
// events), so a refused write can be shown to have changed nothing. Snapshots are scoped to the
// records and the actor of the test, never global counts (other workers write in parallel).
// One file per tag of the registry, as server/openapi/paths/.

import { ATTACHMENTS_TARGETS } from "./attachments";
import { CHECKLISTS_TARGETS } from "./checklists";
import { COSTS_TARGETS } from "./costs";
import { DELEGATIONS_TARGETS } from "./delegations";
import { DISCUSSION_TARGETS } from "./discussion";
import { FUNDING_TARGETS } from "./funding";
import { GATES_TARGETS } from "./gates";
import { IMPORTS_TARGETS } from "./imports";
import type { Target } from "./kit";
import { PLANS_TARGETS } from "./plans";
import { PRIORITY_TARGETS } from "./priority";
import { RISK_TARGETS } from "./risk";
import { SERVICES_TARGETS } from "./services";
import { SETTINGS_TARGETS } from "./settings";
import { TOKENS_TARGETS } from "./tokens";
import { TOOLCHAIN_TARGETS } from "./toolchain";
import { USE_CASES_TARGETS } from "./use-cases";
import { USERS_TARGETS } from "./users";
import { VALUE_TARGETS } from "./value";
import { VIEWS_TARGETS } from "./views";
import { WEBHOOKS_TARGETS } from "./webhooks";

export const TARGETS: Record<string, Target> = {
  ...USE_CASES_TARGETS,
  ...GATES_TARGETS,
  ...CHECKLISTS_TARGETS,
  ...VALUE_TARGETS,
  ...DISCUSSION_TARGETS,
  ...TOKENS_TARGETS,
  ...WEBHOOKS_TARGETS,
  ...SERVICES_TARGETS,
  ...USERS_TARGETS,
  ...PRIORITY_TARGETS,
  ...FUNDING_TARGETS,
  ...SETTINGS_TARGETS,
  ...COSTS_TARGETS,
  ...RISK_TARGETS,
  ...IMPORTS_TARGETS,
  ...DELEGATIONS_TARGETS,
  ...TOOLCHAIN_TARGETS,
  ...PLANS_TARGETS,
  ...ATTACHMENTS_TARGETS,
  ...VIEWS_TARGETS,
};
