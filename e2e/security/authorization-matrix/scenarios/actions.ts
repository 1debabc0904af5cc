// Scenarios of the server actions (use cases, gates, services, tokens, users, settings, ...).
import { makeUser } from "@/prisma/seed/factories";
import {
  COMPOSE,
  chatChannelInput,
  childWrite,
  countServices,
  type Scenario,
  seedBulkEdit,
  seedChatChannel,
  seedChecklistItem,
  seedCondition,
  seedReview,
  seedService,
  seedSignOff,
  seedToken,
  seedUseCase,
  seedWebhook,
  settingsState,
  templateCount,
  useCaseState,
  webhookInput,
} from "./kit";

export const ACTION_SCENARIOS: Record<string, Scenario> = {
  // Server actions
  "server/actions/webhooks.ts#createWebhookAction": async (cell) => ({
    args: [webhookInput(cell)],
    snapshot: () => cell.prisma.webhook.count({ where: { description: cell.marker } }),
  }),
  "server/actions/webhooks.ts#updateWebhookAction": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { args: [id, {}], snapshot };
  },
  "server/actions/webhooks.ts#deleteWebhookAction": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { args: [id], snapshot };
  },
  "server/actions/webhooks.ts#rotateWebhookSecretAction": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { args: [id], snapshot };
  },
  "server/actions/webhooks.ts#sendTestWebhookAction": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { args: [id], snapshot };
  },
  "server/actions/webhooks.ts#createChatChannelAction": async (cell) => ({
    args: [chatChannelInput(cell)],
    snapshot: () => cell.prisma.webhook.count({ where: { description: cell.marker } }),
  }),
  "server/actions/webhooks.ts#updateChatChannelAction": async (cell) => {
    const { id, snapshot } = await seedChatChannel(cell);
    return { args: [id, { version: 1, events: ["service.down"] }], snapshot };
  },
  "server/actions/webhooks.ts#deleteChatChannelAction": async (cell) => {
    const { id, snapshot } = await seedChatChannel(cell);
    return { args: [id], snapshot };
  },
  "server/actions/webhooks.ts#retryDeliveryAction": async (cell) => {
    const { deliveryId, snapshot } = await seedWebhook(cell);
    return { args: [deliveryId], snapshot };
  },
  "server/actions/checklists.ts#updateChecklistItemAction": async (cell) => {
    const { key, item, snapshot } = await seedChecklistItem(cell);
    return { params: { key }, args: [key, item.id, {}], snapshot };
  },
  "server/actions/checklists.ts#signOffChecklistAction": async (cell) => {
    const { key, snapshot } = await seedSignOff(cell);
    return { params: { key }, args: [key], snapshot };
  },
  "server/actions/checklists.ts#updateTemplateAction": async (cell) => ({
    args: ["PACKAGING", { items: "not a list" }],
    snapshot: templateCount(cell),
  }),
  "server/actions/gates.ts#requestGateAction": childWrite(
    (prisma, useCaseId) => prisma.gateReview.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, {}] }),
  ),
  "server/actions/gates.ts#decideGateAction": async (cell) => {
    const { review, snapshot } = await seedReview(cell);
    return { args: [review.id, {}], snapshot };
  },
  "server/actions/gates.ts#closeConditionAction": async (cell) => {
    const { condition, snapshot } = await seedCondition(cell);
    return { args: [condition.id], snapshot };
  },
  "server/actions/gates.ts#reopenUseCaseAction": async (cell) => {
    const { useCase, key } = await seedUseCase(cell, { status: "STOPPED" });
    return { params: { key }, args: [key, { reason: "Matrix reopen" }], snapshot: useCaseState(cell, useCase.id) };
  },
  "server/actions/feedback.ts#createFeedbackAction": childWrite(
    (prisma, useCaseId) => prisma.feedback.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, { text: "Matrix feedback" }] }),
  ),
  "server/actions/notifications.ts#markNotificationsReadAction": async (cell) => {
    const userId = cell.target === "owned" && cell.actor ? cell.actor.user.id : cell.world.others.IT.id;
    const notification = await cell.prisma.notification.create({
      data: { userId, kind: "MATRIX", title: `Matrix ${cell.marker}`, href: "/" },
    });
    const readAt = () =>
      cell.prisma.notification.findUnique({ where: { id: notification.id }, select: { readAt: true } });
    return {
      args: [[notification.id]],
      snapshot: readAt,
      effect: async () => (await readAt())?.readAt != null,
    };
  },
  "server/actions/services.ts#createServiceAction": childWrite(countServices, (_cell, key) => ({
    args: [key, {}],
  })),
  "server/actions/services.ts#updateServiceAction": async (cell) => {
    const { service, key, snapshot } = await seedService(cell);
    return { params: { key }, args: [service.id, {}], snapshot };
  },
  "server/actions/services.ts#deleteServiceAction": async (cell) => {
    const { service, key, snapshot } = await seedService(cell);
    return { params: { key }, args: [service.id], snapshot };
  },
  "server/actions/services.ts#checkServiceAction": async (cell) => {
    const { service, key, snapshot } = await seedService(cell);
    return { params: { key }, args: [service.id], snapshot };
  },
  "server/actions/services.ts#previewComposeAction": childWrite(countServices, (_cell, key) => ({
    args: [key, COMPOSE, "http://stack.example.com"],
  })),
  "server/actions/services.ts#saveServicesAction": childWrite(countServices, (_cell, key) => ({
    args: [
      key,
      { services: [{ name: "jenkins", kind: "JENKINS", environment: "DEV", url: "http://stack.example.com:8090/" }] },
    ],
  })),
  "server/actions/api-tokens.ts#createApiTokenAction": async (cell) => ({
    args: [{ name: cell.marker }],
    snapshot: () => cell.prisma.apiToken.count({ where: { name: cell.marker } }),
  }),
  "server/actions/api-tokens.ts#revokeUserApiTokenAction": async (cell) => {
    const { token, snapshot } = await seedToken(cell);
    return { args: [token.userId, token.id], snapshot };
  },
  "server/actions/api-tokens.ts#revokeApiTokenAction": async (cell) => {
    const { token, snapshot } = await seedToken(cell);
    return { args: [token.id], snapshot, notFoundRefuses: true };
  },
  "server/actions/comments.ts#createCommentAction": childWrite(
    (prisma, useCaseId) => prisma.comment.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, { body: "Matrix comment" }] }),
  ),
  "server/actions/comments.ts#mentionCandidatesAction": async () => ({ args: ["matrix"] }),
  "server/actions/use-cases.ts#createUseCaseAction": async (cell) => ({
    args: [{ title: cell.marker }],
    snapshot: () => cell.prisma.useCase.count({ where: { title: cell.marker } }),
  }),
  "server/actions/use-cases.ts#updateUseCaseAction": async (cell) => {
    const { useCase, key } = await seedUseCase(cell);
    return { params: { key }, args: [key, {}], snapshot: useCaseState(cell, useCase.id) };
  },
  "server/actions/use-cases.ts#bulkUpdateUseCasesAction": async (cell) => {
    const { input, snapshot, effect } = await seedBulkEdit(cell);
    return { args: [input], snapshot, effect };
  },
  "server/actions/value.ts#createEstimateAction": childWrite(
    (prisma, useCaseId) => prisma.estimateRevision.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, {}] }),
  ),
  "server/actions/value.ts#createActualAction": childWrite(
    (prisma, useCaseId) => prisma.actual.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, {}] }),
    { stage: "PRODUCTION" },
  ),
  "server/actions/settings.ts#updateOrgSettingsAction": async (cell) => ({
    args: [{ currency: 12 }],
    snapshot: settingsState(cell),
  }),
  "server/actions/admin-users.ts#createUserAction": async (cell) => {
    const email = `${cell.marker}@matrix.test`;
    return { args: [{ email, name: 12 }], snapshot: () => cell.prisma.user.count({ where: { email } }) };
  },
  "server/actions/admin-users.ts#updateUserAction": async (cell) => {
    const user = await makeUser(cell.prisma, { role: "BUSINESS", name: `Matrix ${cell.marker}` });
    return {
      args: [user.id, { role: "NOT_A_ROLE" }],
      snapshot: () =>
        cell.prisma.user.findUnique({ where: { id: user.id }, select: { role: true, active: true, team: true } }),
    };
  },
  // Own profile: an invalid input, so the allowed cells show no refusal and change nothing.
  "server/actions/profile.ts#updateProfileAction": async () => ({ args: [{ name: 12 }] }),
  "server/actions/profile.ts#changePasswordAction": async () => ({ args: [{ currentPassword: 1 }] }),
  // Invalid on purpose: a valid call would end the matrix's own session of that role.
  "server/actions/profile.ts#signOutEverywhereAction": async () => ({ args: [{ revokeTokens: "yes" }] }),
  "POST /api/v1/imports/use-cases": async (cell) => {
    const owner = cell.target === "owned" && cell.actor ? cell.actor.user : cell.world.others.DATA_SCIENTIST;
    return {
      query: "dryRun=false",
      body: `Title,Owner email\r\nMatrix ${cell.marker},${owner.email}\r\n`,
      contentType: "text/csv",
      snapshot: () => cell.prisma.useCase.count({ where: { title: `Matrix ${cell.marker}` } }),
    };
  },
  "server/actions/setup.ts#setupAction": async (cell) => {
    const email = `${cell.marker}@matrix.test`;
    return {
      args: [{ email, name: "Matrix setup", password: "matrix-setup-password-1", setupCode: "AAAA-BBBB-CCCC-DDDD" }],
      snapshot: () => cell.prisma.user.count({ where: { email } }),
    };
  },
};
