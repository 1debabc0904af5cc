// What the scenarios share: the shape of a scenario (what a cell seeds, sends, and what a
// refusal must leave as is) and the seeders of the records the cells target.

import { formatKey, type Role } from "@/lib/lifecycle";
import type { PrismaClient } from "@/prisma/client";
import { makeChecklist, makeUseCase, type UseCaseSeed } from "@/prisma/seed/factories";
import { createApiToken, hashToken } from "@/server/auth/api-tokens";
import type { Cell, Target } from "../world";

export type Prepared = {
  /** Route: the values of the path's dynamic segments; action: also fills the page's. */
  params?: Record<string, string>;
  query?: string;
  /** Route: a JSON value, or a raw string with `contentType`. */
  body?: unknown;
  contentType?: string;
  /** Action: the arguments. */
  args?: unknown[];
  /** The state of what the call targets: a refused call must leave it equal. */
  snapshot?: () => Promise<unknown>;
  /** For entry points that refuse silently (ignore others' records): did the call take effect? */
  effect?: () => Promise<boolean>;
  /** Someone else's record answers 404 / "not found" rather than 403: that is the refusal. */
  notFoundRefuses?: boolean;
  /** The path exists for nobody (the unknown-API-path catch-all): its 404 is the refusal, for every cell. */
  unknownPath?: boolean;
  /** A request of its own (next-auth): its status and body. */
  send?: () => Promise<{ status: number; text: string }>;
};
export type Scenario = (cell: Cell) => Promise<Prepared>;
export type Extra = { label: string; who: Role; expected: "allow" | "deny"; prepare: Scenario; target?: Target };

/** Who owns the cell's record: the actor (a business user as sponsor), or other users. */
function owners(cell: Cell): Pick<UseCaseSeed, "ownerId" | "sponsorId"> {
  const { others } = cell.world;
  if (cell.target === "foreign" || !cell.actor)
    return { ownerId: others.DATA_SCIENTIST.id, sponsorId: others.BUSINESS.id };
  const me = cell.actor.user;
  return me.role === "BUSINESS"
    ? { ownerId: others.DATA_SCIENTIST.id, sponsorId: me.id }
    : { ownerId: me.id, sponsorId: others.BUSINESS.id };
}

export async function seedUseCase(cell: Cell, seed: Partial<UseCaseSeed> = {}) {
  const useCase = await makeUseCase(cell.prisma, { title: `Matrix ${cell.marker}`, ...owners(cell), ...seed });
  return { useCase, key: formatKey(useCase.number) };
}

export const useCaseState = (cell: Cell, id: string) => () =>
  cell.prisma.useCase.findUnique({ where: { id }, select: { version: true, status: true, stage: true, title: true } });

/** A read of a use case's sub-resource: no state to guard. */
export const readUseCase: Scenario = async (cell) => ({ params: { key: (await seedUseCase(cell)).key } });
export const plainRead: Scenario = async () => ({});

/** A write creating children of a use case: a refusal leaves their count as it was. */
export function childWrite(
  count: (prisma: PrismaClient, useCaseId: string) => Promise<number>,
  input: (cell: Cell, key: string) => { body?: unknown; args?: unknown[]; query?: string; contentType?: string },
  seed: Partial<UseCaseSeed> = {},
): Scenario {
  return async (cell) => {
    const { useCase, key } = await seedUseCase(cell, seed);
    return { params: { key }, ...input(cell, key), snapshot: () => count(cell.prisma, useCase.id) };
  };
}

export async function seedService(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell);
  // A private address outside the probe allowlist: a check records BLOCKED without any fetch.
  const service = await cell.prisma.service.create({
    data: {
      useCaseId: useCase.id,
      name: `svc ${cell.marker}`,
      kind: "OTHER",
      environment: "DEV",
      url: "http://10.0.0.1:9/",
    },
  });
  const snapshot = async () => cell.prisma.service.findUnique({ where: { id: service.id } });
  return { service, key, snapshot };
}

export async function seedChecklistItem(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell, { stage: "PROTOTYPE" });
  await makeChecklist(cell.prisma, { useCaseId: useCase.id, stage: "PROTOTYPE" });
  const item = await cell.prisma.checklistItem.findFirstOrThrow({ where: { useCaseId: useCase.id } });
  const snapshot = () =>
    cell.prisma.checklistItem.findUnique({ where: { id: item.id }, select: { version: true, status: true } });
  return { key, item, snapshot };
}

export async function seedSignOff(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell, { stage: "PROTOTYPE" });
  await makeChecklist(cell.prisma, { useCaseId: useCase.id, stage: "PROTOTYPE", status: "DONE" });
  return { key, snapshot: () => cell.prisma.checklistSignOff.count({ where: { useCaseId: useCase.id } }) };
}

/** An open gate review out of `stage` (G2 by default), requested by the use case's owner or `requestedById`. */
export async function seedReview(
  cell: Cell,
  options: { stage?: "POC" | "PROTOTYPE" | "PACKAGING"; requestedById?: string; riskTier?: "HIGH" | "MINIMAL" } = {},
) {
  const stage = options.stage ?? "PROTOTYPE";
  const { useCase } = await seedUseCase(cell, { stage, ...(options.riskTier ? { riskTier: options.riskTier } : {}) });
  const review = await cell.prisma.gateReview.create({
    data: {
      useCaseId: useCase.id,
      fromStage: stage,
      toStage: stage === "POC" ? "PROTOTYPE" : stage === "PROTOTYPE" ? "PACKAGING" : "PRODUCTION",
      requestedById: options.requestedById ?? useCase.ownerId,
    },
  });
  const snapshot = async () => ({
    review: await cell.prisma.gateReview.findUnique({ where: { id: review.id }, select: { status: true } }),
    votes: await cell.prisma.gateVote.count({ where: { reviewId: review.id } }),
    useCase: await cell.prisma.useCase.findUnique({ where: { id: useCase.id }, select: { stage: true, status: true } }),
  });
  return { review, snapshot };
}

/** A condition of a decided go-with-conditions; owned: the actor is the condition's owner. */
export async function seedCondition(cell: Cell) {
  const { useCase } = await seedUseCase(
    { ...cell, target: "foreign" }, // the use case is someone else's: only the condition's owner counts
    { stage: "PROTOTYPE" },
  );
  const review = await cell.prisma.gateReview.create({
    data: {
      useCaseId: useCase.id,
      fromStage: "POC",
      toStage: "PROTOTYPE",
      requestedById: useCase.ownerId,
      status: "DECIDED",
      decision: "CONDITIONAL_GO",
      decidedById: cell.world.others.BUSINESS.id,
      decidedAt: new Date(),
      rationale: "Go, with a condition.",
    },
  });
  const ownerId = cell.target === "owned" && cell.actor ? cell.actor.user.id : cell.world.others.IT.id;
  const condition = await cell.prisma.gateCondition.create({
    data: { reviewId: review.id, text: `Condition ${cell.marker}`, ownerId, dueOn: new Date("2099-01-01") },
  });
  return {
    condition,
    snapshot: () => cell.prisma.gateCondition.findUnique({ where: { id: condition.id }, select: { closedAt: true } }),
  };
}

/** A token of the actor (owned) or of another user (foreign), never the one the actor calls with. */
export async function seedToken(cell: Cell) {
  const user = cell.target === "owned" && cell.actor ? cell.actor.user : cell.world.others.DATA_SCIENTIST;
  const secret = await createApiToken(cell.prisma, user.email, `Matrix ${cell.marker}`);
  const token = await cell.prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(secret) } });
  return {
    token,
    snapshot: () => cell.prisma.apiToken.findUnique({ where: { id: token.id }, select: { revokedAt: true } }),
  };
}

/** A webhook, registered the way an admin does (the API), inactive; with a failed delivery. */
export async function seedWebhook(cell: Cell) {
  const { world } = cell;
  const response = await world.bare.post("/api/v1/webhooks", {
    headers: { authorization: `Bearer ${world.actors.ADMIN.token}` },
    data: { url: "http://127.0.0.1:9/matrix", events: ["gate.decided"], active: false, description: cell.marker },
  });
  if (response.status() !== 201)
    throw new Error(`Seeding a webhook failed: ${response.status()} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  const delivery = await cell.prisma.webhookDelivery.create({
    data: { webhookId: id, event: "gate.decided", payload: { matrix: cell.marker }, status: "FAILED", attempts: 1 },
  });
  const snapshot = async () => ({
    webhook: await cell.prisma.webhook.findUnique({
      where: { id },
      select: { version: true, secret: true, url: true, active: true },
    }),
    deliveries: await cell.prisma.webhookDelivery.count({ where: { webhookId: id } }),
    delivery: await cell.prisma.webhookDelivery.findUnique({
      where: { id: delivery.id },
      select: { status: true, nextAttemptAt: true },
    }),
  });
  return { id, deliveryId: delivery.id, snapshot };
}

/** A paused Slack channel, added the way an admin does (the API). */
export async function seedChatChannel(cell: Cell) {
  const { world } = cell;
  const response = await world.bare.post("/api/v1/chat-channels", {
    headers: { authorization: `Bearer ${world.actors.ADMIN.token}` },
    data: chatChannelInput(cell),
  });
  if (response.status() !== 201)
    throw new Error(`Seeding a chat channel failed: ${response.status()} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  const snapshot = () =>
    cell.prisma.webhook.findUnique({
      where: { id },
      select: { version: true, secret: true, active: true, events: true },
    });
  return { id, snapshot };
}

export const chatChannelInput = (cell: Cell) => ({
  tool: "SLACK",
  name: cell.marker,
  url: "http://127.0.0.1:9/services/T0/B0/matrix",
  events: ["gate.decided"],
  active: false,
});

export const COMPOSE = "services:\n  jenkins:\n    image: jenkins/jenkins:lts\n    ports: ['8090:8080']\n";
export const settingsState = (cell: Cell) => () => cell.prisma.orgSettings.findUnique({ where: { id: 1 } });
export const templateCount = (cell: Cell) => () =>
  cell.prisma.checklistTemplate.count({ where: { stage: "PACKAGING" } });
export const webhookInput = (cell: Cell) => ({
  url: "http://127.0.0.1:9/matrix",
  events: ["gate.decided"],
  active: false,
  description: cell.marker,
});

export const countServices = (prisma: PrismaClient, useCaseId: string) =>
  prisma.service.count({ where: { useCaseId } });
export const countModelLinks = (prisma: PrismaClient, useCaseId: string) =>
  prisma.modelLink.count({ where: { useCaseId } });

/** A registry connection to a closed port of this machine (a sync fails at once), seeded directly. */
export async function seedRegistry(cell: Cell) {
  const registry = await cell.prisma.registryConnection.create({
    data: { name: `Matrix ${cell.marker}`, baseUrl: "http://127.0.0.1:9" },
  });
  return { registry, snapshot: () => cell.prisma.registryConnection.findUnique({ where: { id: registry.id } }) };
}

export async function seedModelLink(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell);
  const { registry } = await seedRegistry(cell);
  const link = await cell.prisma.modelLink.create({
    data: { useCaseId: useCase.id, registryId: registry.id, modelName: "churn-model" },
  });
  return { key, link, snapshot: () => cell.prisma.modelLink.findUnique({ where: { id: link.id } }) };
}

export const linkModelInput = async (cell: Cell) => ({
  registryId: (await seedRegistry(cell)).registry.id,
  modelName: `model-${cell.marker}`,
});

export async function seedRepositoryCase(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell);
  return { key, snapshot: () => cell.prisma.codeRepository.findUnique({ where: { useCaseId: useCase.id } }) };
}

/** A use case with a risk screening in `status` (its answers complete: a credit-scoring one). */
export async function seedAssessment(cell: Cell, status: "DRAFT" | "SUBMITTED") {
  const { useCase, key } = await seedUseCase(cell);
  const answers = {
    prohibitedPractices: ["none"],
    annexIIIAreas: ["essential-services"],
    safetyComponent: false,
    interactsWithPeople: false,
    generatesContent: false,
    personalData: true,
    affectedPeople: "Loan applicants",
    humanOversight: "in-the-loop",
  };
  const row = await cell.prisma.riskAssessment.create({
    data: { useCaseId: useCase.id, templateVersion: 1, answers, status, tier: status === "SUBMITTED" ? "HIGH" : null },
  });
  const snapshot = async () => ({
    assessment: await cell.prisma.riskAssessment.findUnique({
      where: { id: row.id },
      select: { status: true, version: true, answers: true, tier: true },
    }),
    events: await cell.prisma.riskAssessmentEvent.count({ where: { assessmentId: row.id } }),
    tier: (await cell.prisma.useCase.findUnique({ where: { id: useCase.id }, select: { riskTier: true } }))?.riskTier,
  });
  return { key, snapshot };
}

/** A use case with a model card (version 1). */
export async function seedModelCard(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell);
  const card = await cell.prisma.modelCard.create({
    data: { useCaseId: useCase.id, intendedUse: "Set credit limits." },
  });
  return { key, snapshot: () => cell.prisma.modelCard.findUnique({ where: { id: card.id } }) };
}

/** A use case with one open risk in its register (version 1). */
export async function seedRisk(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell);
  const risk = await cell.prisma.useCaseRisk.create({
    data: { useCaseId: useCase.id, title: `Risk ${cell.marker}`, category: "PRIVACY", likelihood: 3, impact: 4 },
  });
  return { key, risk, snapshot: () => cell.prisma.useCaseRisk.findUnique({ where: { id: risk.id } }) };
}

/** A bulk edit adding a tag to the cell's use case: it answers 200 either way, so the tag is the verdict. */
export async function seedBulkEdit(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell);
  const input = { keys: [key], set: { addTags: ["matrix-bulk"] } };
  const state = () =>
    cell.prisma.useCase.findUnique({
      where: { id: useCase.id },
      select: { version: true, tags: true, sponsorId: true },
    });
  const tags = async () => (await state())?.tags;
  return {
    input,
    snapshot: state,
    effect: async () => (await tags())?.includes("matrix-bulk") ?? false,
  };
}
