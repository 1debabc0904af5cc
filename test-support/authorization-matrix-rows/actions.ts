// The server actions (server/actions/<domain>.ts), first-run setup among them.
import {
  ACTUAL_CREATE,
  ADMIN_ONLY,
  action,
  CONDITION_CLOSE,
  EACH_OWN,
  GATE_DECIDE,
  GATE_REQUEST,
  IT_ONLY,
  IT_OR_OWNING_DS,
  type MatrixRow,
  NOBODY,
  OWNER_OR_SPONSOR,
  SIGNED_IN,
  USE_CASE_CREATE,
} from "./kit";

export const ACTION_ROWS: readonly MatrixRow[] = [
  // --- Server actions ------------------------------------------------------------------------
  action("server/actions/webhooks.ts", "createWebhookAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "updateWebhookAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "deleteWebhookAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "rotateWebhookSecretAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "sendTestWebhookAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "retryDeliveryAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "createChatChannelAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "updateChatChannelAction", ADMIN_ONLY, "webhook:manage."),
  action("server/actions/webhooks.ts", "deleteChatChannelAction", ADMIN_ONLY, "webhook:manage."),

  action("server/actions/registry.ts", "createRegistryAction", ADMIN_ONLY, "registry:manage."),
  action("server/actions/registry.ts", "deleteRegistryAction", ADMIN_ONLY, "registry:manage."),
  action("server/actions/registry.ts", "linkModelAction", IT_OR_OWNING_DS, "model-link:manage."),
  action("server/actions/registry.ts", "syncModelsAction", SIGNED_IN, "use-case:read."),
  action("server/actions/registry.ts", "setRepositoryAction", IT_OR_OWNING_DS, "model-link:manage."),

  action("server/actions/checklists.ts", "updateChecklistItemAction", IT_OR_OWNING_DS, "checklist:update."),
  action("server/actions/checklists.ts", "signOffChecklistAction", IT_ONLY, "checklist:sign-off: IT only, not admins."),
  action("server/actions/checklists.ts", "updateTemplateAction", ADMIN_ONLY, "checklist-template:manage."),

  action("server/actions/gates.ts", "requestGateAction", GATE_REQUEST, "gate:request (see the API row)."),
  action(
    "server/actions/gates.ts",
    "decideGateAction",
    GATE_DECIDE,
    "gate:decide AND the gate's deciders; the requester may not decide their own review (see the API row).",
  ),
  action(
    "server/actions/gates.ts",
    "closeConditionAction",
    CONDITION_CLOSE,
    "condition:close: the condition's owner, or an admin.",
  ),
  action("server/actions/gates.ts", "reopenUseCaseAction", ADMIN_ONLY, "use-case:reopen."),
  action("server/actions/feedback.ts", "createFeedbackAction", SIGNED_IN, "feedback:create."),
  action(
    "server/actions/notifications.ts",
    "markNotificationsReadAction",
    EACH_OWN,
    "No permission key, only a session: it touches the actor's own notifications; another user's ids are ignored (ok, nothing changes).",
  ),

  action("server/actions/services.ts", "createServiceAction", IT_OR_OWNING_DS, "service:manage."),
  action("server/actions/services.ts", "updateServiceAction", IT_OR_OWNING_DS, "service:manage."),
  action("server/actions/services.ts", "deleteServiceAction", IT_OR_OWNING_DS, "service:manage."),
  action("server/actions/services.ts", "checkServiceAction", SIGNED_IN, "service:check."),
  action(
    "server/actions/services.ts",
    "previewComposeAction",
    IT_OR_OWNING_DS,
    "service:manage (checked in the action itself); saves nothing.",
  ),
  action("server/actions/services.ts", "saveServicesAction", IT_OR_OWNING_DS, "service:manage."),

  action("server/actions/api-tokens.ts", "createApiTokenAction", SIGNED_IN, "api-token:manage: for the caller."),
  action(
    "server/actions/api-tokens.ts",
    "revokeApiTokenAction",
    EACH_OWN,
    "api-token:manage, own = the token's user; another user's token is 'not found'.",
  ),

  action("server/actions/comments.ts", "createCommentAction", SIGNED_IN, "comment:create."),
  action(
    "server/actions/comments.ts",
    "mentionCandidatesAction",
    SIGNED_IN,
    "No permission key: any signed-in user may look people up for an @mention.",
  ),

  action("server/actions/use-cases.ts", "createUseCaseAction", USE_CASE_CREATE, "use-case:create."),
  action("server/actions/use-cases.ts", "updateUseCaseAction", OWNER_OR_SPONSOR, "use-case:update."),
  action(
    "server/actions/use-cases.ts",
    "bulkUpdateUseCasesAction",
    OWNER_OR_SPONSOR,
    "use-case:update, row by row (refused rows listed, left as is).",
  ),

  action("server/actions/value.ts", "createEstimateAction", OWNER_OR_SPONSOR, "estimate:create."),
  action("server/actions/value.ts", "createActualAction", ACTUAL_CREATE, "actual:create."),
  action("server/actions/settings.ts", "updateOrgSettingsAction", ADMIN_ONLY, "settings:manage."),
  action("server/actions/admin-users.ts", "createUserAction", ADMIN_ONLY, "user:manage."),
  action("server/actions/admin-users.ts", "updateUserAction", ADMIN_ONLY, "user:manage."),
  action(
    "server/actions/api-tokens.ts",
    "revokeUserApiTokenAction",
    ADMIN_ONLY,
    "api-token:manage-any: revoke any user's token.",
  ),
  action("server/actions/profile.ts", "updateProfileAction", SIGNED_IN, "Every user edits their own profile only."),
  action(
    "server/actions/profile.ts",
    "changePasswordAction",
    SIGNED_IN,
    "Every user changes their own password only (the current one is required).",
  ),
  action(
    "server/actions/profile.ts",
    "signOutEverywhereAction",
    SIGNED_IN,
    "Every user signs themselves out everywhere (and may revoke their own tokens) only.",
  ),

  action(
    "server/actions/setup.ts",
    "setupAction",
    NOBODY,
    "First-run setup: open to anyone only while the database has no user at all; once set up, refused to everyone (FORBIDDEN 'Setup is already done').",
  ),
];
