// Bad-input targets: services and the docker-compose import.
import { atUseCase, service, type Target, useCaseState, withActor } from "./kit";

export const SERVICES_TARGETS: Record<string, Target> = {
  createService: {
    as: "ADMIN",
    setup: (ctx) =>
      atUseCase(ctx, {}, async () => ({
        name: "Scoring API",
        environment: "DEV",
        url: "http://127.0.0.1:9/score",
        kind: "MODEL_API",
        note: "The scoring endpoint",
      })),
  },
  importComposeServices: {
    as: "ADMIN",
    setup: async (ctx) => {
      const prepared = await atUseCase(ctx, {});
      return {
        ...prepared,
        query: { baseUrl: "http://127.0.0.1", save: "true", environment: "DEV" },
        raw: {
          data: "services:\n  grafana:\n    image: grafana/grafana:11.0.0\n    ports:\n      - '3000:3000'\n",
          contentType: "application/yaml",
        },
      };
    },
  },
  updateService: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, id } = await service(ctx);
      return {
        params: { id },
        valid: async () => ({
          version: (await ctx.prisma.service.findUniqueOrThrow({ where: { id } })).version,
          name: "Renamed",
          note: "Edited",
          environment: "STAGING",
        }),
        snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)),
      };
    },
  },
  deleteService: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, id } = await service(ctx);
      return { params: { id }, snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)) };
    },
  },
  checkService: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, id } = await service(ctx);
      return { params: { id }, snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)) };
    },
  },
};
