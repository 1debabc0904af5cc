// Saved views of the use-case list and the list's column choice (routes and actions).
import { action, api, EACH_OWN, type MatrixRow, SIGNED_IN } from "./kit";

const OWN_VIEW =
  "view:manage, own = the view's owner (a shared view everyone reads, only its owner changes); another user's personal view answers 404, its existence not revealed.";

export const VIEW_ROWS: readonly MatrixRow[] = [
  api("GET", "/views", SIGNED_IN, "view:manage: the caller's own views and the shared ones."),
  api(
    "POST",
    "/views",
    SIGNED_IN,
    "view:manage: a view of the caller's own; sharing it is view:share (ADMIN, BUSINESS), tested in server/views/saved-views.test.ts.",
  ),
  api("GET", "/views/[id]", EACH_OWN, OWN_VIEW),
  api("PATCH", "/views/[id]", EACH_OWN, OWN_VIEW),
  api("DELETE", "/views/[id]", EACH_OWN, OWN_VIEW),
  action("server/actions/views.ts", "createViewAction", SIGNED_IN, "view:manage: as POST /api/v1/views."),
  action("server/actions/views.ts", "updateViewAction", EACH_OWN, OWN_VIEW),
  action("server/actions/views.ts", "deleteViewAction", EACH_OWN, OWN_VIEW),
  action(
    "server/actions/views.ts",
    "setListColumnsAction",
    SIGNED_IN,
    "view:manage: the caller's own columns of the use-case list.",
  ),
];
