// The domain write functions the bad-input test fuzzes (server/bad-input.test.ts), by name: the
// role that may call each, the schema of its input, its money fields, and how to aim it at fresh
// records. One file per tag of the API, as server/openapi/paths/.

import { CHECKLISTS_OPS } from "./checklists";
import { DISCUSSION_OPS } from "./discussion";
import { GATES_OPS } from "./gates";
import type { Op } from "./kit";
import { NOTIFICATIONS_OPS } from "./notifications";
import { SERVICES_OPS } from "./services";
import { SETTINGS_OPS } from "./settings";
import { TOKENS_OPS } from "./tokens";
import { USE_CASES_OPS } from "./use-cases";
import { USERS_OPS } from "./users";
import { VALUE_OPS } from "./value";
import { VIEWS_OPS } from "./views";
import { WEBHOOKS_OPS } from "./webhooks";

export const OPS: Record<string, Op> = {
  ...USE_CASES_OPS,
  ...GATES_OPS,
  ...CHECKLISTS_OPS,
  ...VALUE_OPS,
  ...DISCUSSION_OPS,
  ...TOKENS_OPS,
  ...WEBHOOKS_OPS,
  ...SERVICES_OPS,
  ...USERS_OPS,
  ...SETTINGS_OPS,
  ...NOTIFICATIONS_OPS,
  ...VIEWS_OPS,
};
