// Bad-input targets: the ML toolchain.
import { randomUUID } from "node:crypto";
import { atUseCase, seedUseCase, type Target, type TargetCtx, useCaseState, withActor } from "./kit";

export const TOOLCHAIN_TARGETS: Record<string, Target> = {
  createRegistry: {
    as: "ADMIN",
    setup: async (ctx) => ({
      params: {},
      valid: async () => ({ name: `Fuzz registry ${ctx.tag}`, baseUrl: "http://127.0.0.1:9", auth: "NONE" }),
      snapshot: withActor(ctx, async () => ({
        registries: await ctx.prisma.registryConnection.count({ where: { createdById: ctx.actor.id } }),
      })),
      cleanup: async () => {
        await ctx.prisma.registryConnection.deleteMany({ where: { createdById: ctx.actor.id } });
      },
    }),
  },
  deleteRegistry: {
    as: "ADMIN",
    setup: async (ctx) => {
      const registry = await fuzzRegistry(ctx);
      return {
        params: { id: registry.id },
        snapshot: withActor(ctx, async () => ({
          registry: await ctx.prisma.registryConnection.findUnique({
            where: { id: registry.id },
            select: { name: true },
          }),
        })),
      };
    },
  },
  linkModel: {
    as: "IT",
    setup: async (ctx) => {
      const registry = await fuzzRegistry(ctx);
      const prepared = await atUseCase(ctx, {}, async () => ({ registryId: registry.id, modelName: "churn-model" }));
      return {
        ...prepared,
        snapshot: withActor(ctx, async () => ({
          useCase: await useCaseState(ctx.prisma, prepared.uc.id),
          links: await modelLinks(ctx, prepared.uc.id),
        })),
      };
    },
  },
  unlinkModel: {
    as: "IT",
    setup: async (ctx) => {
      const { uc, link } = await fuzzModelLink(ctx);
      return {
        params: { key: uc.key, id: link.id },
        snapshot: withActor(ctx, () => modelLinks(ctx, uc.id)),
      };
    },
  },
  syncModels: {
    as: "IT",
    setup: async (ctx) => {
      const { uc } = await fuzzModelLink(ctx);
      // A sync records when it last tried; what it links (and to which registry) must not change.
      return { params: { key: uc.key }, snapshot: withActor(ctx, () => modelLinks(ctx, uc.id)) };
    },
  },
  setRepository: {
    as: "IT",
    setup: async (ctx) => {
      const prepared = await atUseCase(ctx, {}, async () => ({ url: "https://git.example.com/team/churn" }));
      return {
        ...prepared,
        snapshot: withActor(ctx, async () => ({
          useCase: await useCaseState(ctx.prisma, prepared.uc.id),
          repository: await ctx.prisma.codeRepository.findUnique({
            where: { useCaseId: prepared.uc.id },
            select: { url: true },
          }),
        })),
      };
    },
  },
};

/** A registry connection that no one can reach (nothing is synced from it in the fuzz). */
async function fuzzRegistry(ctx: TargetCtx) {
  return ctx.prisma.registryConnection.create({
    data: { name: `Fuzz registry ${ctx.tag} ${randomUUID()}`, baseUrl: "http://127.0.0.1:9" },
  });
}

/** A use case with one linked model. */
async function fuzzModelLink(ctx: TargetCtx) {
  const registry = await fuzzRegistry(ctx);
  const uc = await seedUseCase(ctx, {});
  const link = await ctx.prisma.modelLink.create({
    data: { useCaseId: uc.id, registryId: registry.id, modelName: "churn-model" },
  });
  return { uc, link };
}

/** What a use case links: registry and model names only (a sync's bookkeeping is left out). */
async function modelLinks(ctx: TargetCtx, useCaseId: string) {
  return ctx.prisma.modelLink.findMany({
    where: { useCaseId },
    select: { registryId: true, modelName: true },
    orderBy: { modelName: "asc" },
  });
}
