// Bad-input targets: the csv import of use cases.
import { json, type Target } from "./kit";

export const IMPORTS_TARGETS: Record<string, Target> = {
  importUseCases: {
    as: "ADMIN",
    setup: async (ctx) => ({
      params: {},
      // A preview: the valid request writes nothing; a fuzzed dryRun=false may write (then it is valid).
      query: { dryRun: "true", skipInvalid: "false", fileName: "fuzz.csv" },
      raw: { data: `Title;Stage\r\nFuzz ${ctx.tag};POC\r\n`, contentType: "text/csv" },
      snapshot: async () =>
        json({
          useCases: await ctx.prisma.useCase.findMany({
            where: { ownerId: ctx.actor.id },
            select: { number: true, title: true, version: true },
            orderBy: { number: "asc" },
          }),
          events: await ctx.prisma.auditEvent.count({ where: { actorId: ctx.actor.id } }),
        }),
    }),
  },
};
