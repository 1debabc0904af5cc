// The authorization matrix: every route handler (method + path) and every server action
// (file + exported name) of the app, and what each role, and an anonymous visitor, may do
// with it. The expectations are derived from lib/permissions.ts (one rule per permission,
// deny by default), the decider roles of each gate in lib/lifecycle.ts GATES, and the
// server/ function each entry point calls. scripts/authorization-matrix.test.ts checks that
// this table lists exactly the handlers and actions in the code (a new one fails until it
// is listed in one of these files) and that each row agrees with lib/permissions.ts;
// e2e/security/authorization-matrix.spec.ts runs every cell against the production build.
//
//   allow  the role may, on any record (it may still fail validation with a minimal input)
//   deny   refused (401 / 403 / the forbidden ActionResult), and nothing changes
//   own    allowed on records the user owns or sponsors (or, where said, owns by another
//          link: the condition's owner, the token's user), refused on everyone else's
//
// The rows are in routes.ts, actions.ts, costs-imports-delegations.ts, funding.ts, attachments.ts and views.ts, in that order (the
// order of the tests); the types and cell presets in kit.ts.

import { ACTION_ROWS } from "./actions";
import { ATTACHMENT_ROWS } from "./attachments";
import { COST_IMPORT_DELEGATION_ROWS } from "./costs-imports-delegations";
import { FUNDING_ROWS } from "./funding";
import type { MatrixRow } from "./kit";
import { ROUTE_ROWS } from "./routes";
import { VIEW_ROWS } from "./views";

export { type Access, type ActionRow, type MatrixRow, PRINCIPALS, type Principal, type RouteRow, rowId } from "./kit";

export const MATRIX: readonly MatrixRow[] = [
  ...ROUTE_ROWS,
  ...ACTION_ROWS,
  ...COST_IMPORT_DELEGATION_ROWS,
  ...FUNDING_ROWS,
  ...ATTACHMENT_ROWS,
  ...VIEW_ROWS,
];
