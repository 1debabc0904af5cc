// Scenarios: for every row of the matrix (by its id), what a cell seeds, what it sends, and
// what a refusal must leave as is; and the extra cells of the subtle rules. One file per area.
import { ACTION_SCENARIOS } from "./actions";
import { ATTACHMENT_SCENARIOS } from "./attachments";
import { COSTS_RISK_SCENARIOS } from "./costs-risk";
import { DELEGATION_SCENARIOS } from "./delegations";
import { FUNDING_SCENARIOS } from "./funding";
import type { Scenario } from "./kit";
import { ROUTE_SCENARIOS } from "./routes";
import { TOOLCHAIN_SCENARIOS } from "./toolchain";
import { VIEW_SCENARIOS } from "./views";

export { EXTRAS } from "./extras";

const AREAS: Record<string, Scenario>[] = [
  ROUTE_SCENARIOS,
  ACTION_SCENARIOS,
  COSTS_RISK_SCENARIOS,
  TOOLCHAIN_SCENARIOS,
  DELEGATION_SCENARIOS,
  FUNDING_SCENARIOS,
  ATTACHMENT_SCENARIOS,
  VIEW_SCENARIOS,
];

const twice = AREAS.flatMap(Object.keys).filter((id, i, ids) => ids.indexOf(id) !== i);
if (twice.length) throw new Error(`Rows with a scenario in two files: ${twice.join(", ")}`);

export const SCENARIOS: Record<string, Scenario> = Object.assign({}, ...AREAS);
