// Funding-round snapshots: the ranked list frozen at a date, and the comparison of two (routes and the action).
import { action, api, type Cells, type MatrixRow, SIGNED_IN } from "./kit";

/** funding-snapshot:create: BUSINESS and admins. */
export const FUNDING_SNAPSHOT_CREATE: Cells = {
  ADMIN: "allow",
  BUSINESS: "allow",
  DATA_SCIENTIST: "deny",
  IT: "deny",
  RISK: "deny",
  anonymous: "deny",
};

export const FUNDING_ROWS: readonly MatrixRow[] = [
  api("GET", "/funding-snapshots", SIGNED_IN, "use-case:read: every role reads the snapshots."),
  api("POST", "/funding-snapshots", FUNDING_SNAPSHOT_CREATE, "funding-snapshot:create."),
  action(
    "server/actions/priority.ts",
    "createFundingSnapshotAction",
    FUNDING_SNAPSHOT_CREATE,
    "funding-snapshot:create.",
  ),
  api("GET", "/funding-snapshots/[id]", SIGNED_IN, "use-case:read."),
  api("GET", "/funding-snapshots/compare", SIGNED_IN, "use-case:read."),
];
