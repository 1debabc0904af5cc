// Evidence files: listing, uploading, downloading and removing them (routes and the action).
import { ADMIN_ONLY, action, api, IT_OR_OWNING_DS, type MatrixRow, SIGNED_IN } from "./kit";

export const ATTACHMENT_ROWS: readonly MatrixRow[] = [
  api("GET", "/use-cases/[key]/attachments", SIGNED_IN, "use-case:read."),
  api(
    "POST",
    "/use-cases/[key]/attachments",
    IT_OR_OWNING_DS,
    "On a checklist item: checklist:update (a gate request needs gate:request, an answer assessment:answer; server/attachments tests).",
  ),
  api("GET", "/attachments/[id]", SIGNED_IN, "use-case:read, checked on every download."),
  api(
    "DELETE",
    "/attachments/[id]",
    ADMIN_ONLY,
    "attachment:delete-any; the uploader removes their own (the cells' file is another user's).",
  ),
  action(
    "server/actions/attachments.ts",
    "deleteAttachmentAction",
    ADMIN_ONLY,
    "attachment:delete-any; the uploader removes their own (the cells' file is another user's).",
  ),
];
