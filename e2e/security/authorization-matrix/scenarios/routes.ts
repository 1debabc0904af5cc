// Scenarios of the public and infrastructure routes and of API v1.
import { makeUser } from "@/prisma/seed/factories";
import { postCredentials } from "../../../support/fixtures";
import {
  COMPOSE,
  chatChannelInput,
  childWrite,
  countServices,
  plainRead,
  readUseCase,
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

export const ROUTE_SCENARIOS: Record<string, Scenario> = {
  // Public and infrastructure
  "GET /api/health": plainRead,
  "GET /api/v1/openapi.json": plainRead,
  "GET /api/auth/[...nextauth]": async () => ({ params: { nextauth: "csrf" } }),
  "POST /api/auth/[...nextauth]": async (cell) => ({
    // A sign-in, in a context of its own (it sets a session cookie).
    send: async () => {
      const context = await cell.world.newContext();
      try {
        const user = cell.world.others.IT;
        const response = await postCredentials(context, user.email, user.password);
        return { status: response.status(), text: await response.text() };
      } finally {
        await context.dispose();
      }
    },
  }),
  "GET /api/metrics": plainRead,
  ...Object.fromEntries(
    ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].map((method) => [
      `${method} /api/[...path]`,
      (async () => ({ params: { path: "no-such-endpoint" }, unknownPath: true })) as Scenario,
    ]),
  ),
  "GET /use-cases/export.csv": plainRead,
  "GET /admin/audit/export.csv": plainRead,

  // API v1
  "GET /api/v1/audit": plainRead,
  "GET /api/v1/checklist-templates": plainRead,
  "PUT /api/v1/checklist-templates/[stage]": async (cell) => ({
    params: { stage: "PACKAGING" },
    body: { items: "not a list" },
    snapshot: templateCount(cell),
  }),
  "POST /api/v1/conditions/[id]/close": async (cell) => {
    const { condition, snapshot } = await seedCondition(cell);
    return { params: { id: condition.id }, snapshot };
  },
  "POST /api/v1/gates/[id]/decisions": async (cell) => {
    const { review, snapshot } = await seedReview(cell);
    return { params: { id: review.id }, body: {}, snapshot };
  },
  "GET /api/v1/portfolio/summary": plainRead,
  "POST /api/v1/services/[id]/check": async (cell) => {
    const { service, snapshot } = await seedService(cell);
    return { params: { id: service.id }, snapshot };
  },
  "PATCH /api/v1/services/[id]": async (cell) => {
    const { service, snapshot } = await seedService(cell);
    return { params: { id: service.id }, body: {}, snapshot };
  },
  "DELETE /api/v1/services/[id]": async (cell) => {
    const { service, snapshot } = await seedService(cell);
    return { params: { id: service.id }, snapshot };
  },
  "GET /api/v1/settings": plainRead,
  "PATCH /api/v1/settings": async (cell) => ({ body: { currency: 12 }, snapshot: settingsState(cell) }),
  "GET /api/v1/users": plainRead,
  "POST /api/v1/users": async (cell) => {
    const email = `${cell.marker}@matrix.test`;
    return { body: { email, name: 12 }, snapshot: () => cell.prisma.user.count({ where: { email } }) };
  },
  "PATCH /api/v1/users/[id]": async (cell) => {
    const user = await makeUser(cell.prisma, { role: "BUSINESS", name: `Matrix ${cell.marker}` });
    return {
      params: { id: user.id },
      body: { role: "NOT_A_ROLE" },
      snapshot: () =>
        cell.prisma.user.findUnique({ where: { id: user.id }, select: { role: true, active: true, team: true } }),
    };
  },
  "GET /api/v1/tokens": plainRead,
  "POST /api/v1/tokens": async (cell) => ({
    body: { name: cell.marker },
    snapshot: () => cell.prisma.apiToken.count({ where: { name: cell.marker } }),
    // It needs a sign-in within 15 minutes: a session of its own, not the worker's (older) one.
    ...(cell.actor && {
      send: async () => {
        const actor = cell.actor;
        if (!actor) throw new Error("no actor");
        const context = await cell.world.newContext();
        try {
          const signedIn = await postCredentials(context, actor.user.email, actor.user.password);
          if (!signedIn.ok()) throw new Error(`Sign-in failed: ${signedIn.status()}`);
          const response = await context.post("/api/v1/tokens", {
            headers: { origin: cell.world.origin },
            data: { name: cell.marker },
          });
          return { status: response.status(), text: await response.text() };
        } finally {
          await context.dispose();
        }
      },
    }),
  }),
  "DELETE /api/v1/tokens/[id]": async (cell) => {
    const { token, snapshot } = await seedToken(cell);
    return { params: { id: token.id }, snapshot, notFoundRefuses: true };
  },
  "GET /api/v1/users/[id]/tokens": async (cell) => ({ params: { id: cell.world.others.DATA_SCIENTIST.id } }),
  "DELETE /api/v1/users/[id]/tokens/[tokenId]": async (cell) => {
    const { token, snapshot } = await seedToken(cell);
    return { params: { id: token.userId, tokenId: token.id }, snapshot };
  },
  "GET /api/v1/use-cases": plainRead,
  "POST /api/v1/use-cases": async (cell) => ({
    body: { title: cell.marker },
    snapshot: () => cell.prisma.useCase.count({ where: { title: cell.marker } }),
  }),
  "PATCH /api/v1/use-cases": async (cell) => {
    const { input, snapshot, effect } = await seedBulkEdit(cell);
    return { body: input, snapshot, effect };
  },
  "GET /api/v1/use-cases/tags": plainRead,
  "GET /api/v1/use-cases/[key]": readUseCase,
  "PATCH /api/v1/use-cases/[key]": async (cell) => {
    const { useCase, key } = await seedUseCase(cell);
    return { params: { key }, body: {}, snapshot: useCaseState(cell, useCase.id) };
  },
  "GET /api/v1/use-cases/[key]/actuals": readUseCase,
  "POST /api/v1/use-cases/[key]/actuals": childWrite(
    (prisma, useCaseId) => prisma.actual.count({ where: { useCaseId } }),
    () => ({ body: {} }),
    { stage: "PRODUCTION" },
  ),
  "GET /api/v1/use-cases/[key]/checklist": readUseCase,
  "PATCH /api/v1/use-cases/[key]/checklist/[itemId]": async (cell) => {
    const { key, item, snapshot } = await seedChecklistItem(cell);
    return { params: { key, itemId: item.id }, body: {}, snapshot };
  },
  "POST /api/v1/use-cases/[key]/checklist/sign-off": async (cell) => {
    const { key, snapshot } = await seedSignOff(cell);
    return { params: { key }, snapshot };
  },
  "GET /api/v1/use-cases/[key]/changes": readUseCase,
  "GET /api/v1/use-cases/[key]/comments": readUseCase,
  "POST /api/v1/use-cases/[key]/comments": childWrite(
    (prisma, useCaseId) => prisma.comment.count({ where: { useCaseId } }),
    () => ({ body: { body: "Matrix comment" } }),
  ),
  "GET /api/v1/use-cases/[key]/estimates": readUseCase,
  "POST /api/v1/use-cases/[key]/estimates": childWrite(
    (prisma, useCaseId) => prisma.estimateRevision.count({ where: { useCaseId } }),
    () => ({ body: {} }),
  ),
  "GET /api/v1/use-cases/[key]/feedback": readUseCase,
  "POST /api/v1/use-cases/[key]/feedback": childWrite(
    (prisma, useCaseId) => prisma.feedback.count({ where: { useCaseId } }),
    () => ({ body: { text: "Matrix feedback" } }),
  ),
  "GET /api/v1/use-cases/[key]/gates": readUseCase,
  "POST /api/v1/use-cases/[key]/gates": childWrite(
    (prisma, useCaseId) => prisma.gateReview.count({ where: { useCaseId } }),
    () => ({ body: {} }),
  ),
  "POST /api/v1/use-cases/[key]/reopen": async (cell) => {
    const { useCase, key } = await seedUseCase(cell, { status: "STOPPED" });
    return { params: { key }, body: { reason: "Matrix reopen" }, snapshot: useCaseState(cell, useCase.id) };
  },
  "GET /api/v1/use-cases/[key]/services": readUseCase,
  "POST /api/v1/use-cases/[key]/services": childWrite(countServices, () => ({ body: {} })),
  "POST /api/v1/use-cases/[key]/services/import": childWrite(countServices, () => ({
    query: "save=true&environment=DEV&baseUrl=http://stack.example.com",
    body: COMPOSE,
    contentType: "application/yaml",
  })),
  "POST /api/v1/webhook-deliveries/[id]/retry": async (cell) => {
    const { deliveryId, snapshot } = await seedWebhook(cell);
    return { params: { id: deliveryId }, snapshot };
  },
  "GET /api/v1/chat-channels": plainRead,
  "POST /api/v1/chat-channels": async (cell) => ({
    body: chatChannelInput(cell),
    snapshot: () => cell.prisma.webhook.count({ where: { description: cell.marker } }),
  }),
  "PATCH /api/v1/chat-channels/[id]": async (cell) => {
    const { id, snapshot } = await seedChatChannel(cell);
    return { params: { id }, body: { version: 1, events: ["service.down"] }, snapshot };
  },
  "DELETE /api/v1/chat-channels/[id]": async (cell) => {
    const { id, snapshot } = await seedChatChannel(cell);
    return { params: { id }, snapshot };
  },
  "GET /api/v1/webhooks": plainRead,
  "POST /api/v1/webhooks": async (cell) => ({
    body: webhookInput(cell),
    snapshot: () => cell.prisma.webhook.count({ where: { description: cell.marker } }),
  }),
  "GET /api/v1/webhooks/[id]": async (cell) => ({ params: { id: (await seedWebhook(cell)).id } }),
  "PATCH /api/v1/webhooks/[id]": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { params: { id }, body: {}, snapshot };
  },
  "DELETE /api/v1/webhooks/[id]": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { params: { id }, snapshot };
  },
  "GET /api/v1/webhooks/[id]/deliveries": async (cell) => ({ params: { id: (await seedWebhook(cell)).id } }),
  "POST /api/v1/webhooks/[id]/rotate-secret": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { params: { id }, snapshot };
  },
  "POST /api/v1/webhooks/[id]/test": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { params: { id }, snapshot };
  },
};
