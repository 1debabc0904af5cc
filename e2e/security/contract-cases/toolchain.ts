// Contract cases: the ML toolchain.
import { api, type Case, type Ctx, type Req, seedUseCase } from "./kit";

export const TOOLCHAIN_CASES: Record<string, Case> = {
  listRegistries: {
    setup: async (ctx) => {
      await registry(ctx);
      return {};
    },
    adminOnly: true,
  },
  createRegistry: {
    setup: async (ctx) => ({ body: { name: `Contract ${ctx.tag}`, baseUrl: "http://127.0.0.1:9" } }),
    adminOnly: true,
    // The same name again.
    repeat: 422,
    invalid: (valid) => [
      { body: { ...(valid.body as object), baseUrl: "http://169.254.169.254" } },
      { body: { ...(valid.body as object), auth: "BEARER" } },
    ],
  },
  deleteRegistry: {
    setup: async (ctx) => ({ params: { id: (await registry(ctx)).id } }),
    adminOnly: true,
    repeat: 404,
  },
  listModelLinks: {
    setup: async (ctx) => ({ params: { key: (await modelLink(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  linkModel: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      return { params: { key: uc.key }, body: { registryId: (await registry(ctx)).id, modelName: "churn-model" } };
    },
    // Already linked.
    repeat: 422,
    invalid: (valid) => [{ ...valid, body: { ...(valid.body as object), registryId: "no-such-registry" } }],
  },
  unlinkModel: {
    setup: async (ctx) => {
      const link = await modelLink(ctx);
      return { params: { key: link.key, id: link.id } };
    },
    repeat: 404,
  },
  syncModels: {
    setup: async (ctx) => ({ params: { key: (await modelLink(ctx)).key } }),
    noForbiddenRole: "every role may read a use case's models from the registry now",
  },
  getRepository: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  setRepository: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: { url: "https://git.example.com/team/churn" },
    }),
    invalid: (valid) => [{ ...valid, body: { url: "git@example.com:team/churn.git" } }],
  },
  checkDeploymentApproval: {
    setup: async (ctx) => ({
      params: { key: (await approvedInProduction(ctx)).key },
      query: { environment: "production", modelVersion: "7", commit: "a1b2c3d" },
    }),
    noForbiddenRole: "every role may ask (and a deploy:check token); the answer is `allowed`, not a refusal",
    invalid: (valid): Req[] => [
      { ...valid, query: { environment: "moon", modelVersion: "7" } },
      { ...valid, query: { environment: "production" } },
      { ...valid, query: { ...valid.query, commit: "not a sha!" } },
      { ...valid, query: { ...valid.query, colour: "blue" } },
    ],
  },
};

/** A model registry connection to a closed port of this machine (every sync fails fast: the link stays unread). */
async function registry(ctx: Ctx) {
  const { json } = await api(ctx, "ADMIN", "POST", "/api/v1/registries", {
    name: `Contract ${ctx.tag} ${Math.random().toString(36).slice(2, 8)}`,
    baseUrl: "http://127.0.0.1:9",
  });
  return json as { id: string };
}

/** A use case with a linked model (unread) and a PRODUCTION use case whose G3 approved v7 at a1b2c3d. */
async function modelLink(ctx: Ctx) {
  const uc = await seedUseCase(ctx);
  const reg = await registry(ctx);
  const { json } = await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/models`, {
    registryId: reg.id,
    modelName: "churn-model",
  });
  return { key: uc.key, id: (json as { id: string }).id, registryId: reg.id };
}

async function approvedInProduction(ctx: Ctx) {
  const uc = await seedUseCase(ctx, { stage: "PRODUCTION" });
  const review = await ctx.prisma.gateReview.create({
    data: {
      useCaseId: uc.id,
      fromStage: "PACKAGING",
      toStage: "PRODUCTION",
      status: "DECIDED",
      decision: "GO",
      requestedById: ctx.owner.id,
      decidedAt: new Date(),
    },
  });
  await ctx.prisma.gateRelease.create({
    data: {
      gateReviewId: review.id,
      useCaseId: uc.id,
      modelName: "churn-model",
      modelVersion: "7",
      commitRef: "a1b2c3d",
    },
  });
  return uc;
}
