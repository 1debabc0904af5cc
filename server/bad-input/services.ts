// Bad-input ops at the domain layer: services.
import { ServiceBatchSchema, ServiceCreateSchema, ServiceUpdateSchema } from "@/lib/validation/service";
import { useCaseState } from "@/test-support/bad-input-targets/kit";
import { db } from "../db";
import { checkService } from "../services/check-service";
import { createService, deleteService, saveServices, updateService } from "../services/services";
import { atKey, type Ctx, idOnly, type Op, seedUseCase, withActor } from "./kit";

export const SERVICES_OPS: Record<string, Op> = {
  createService: {
    as: "ADMIN",
    schema: ServiceCreateSchema,
    setup: (ctx) =>
      atKey(ctx, {}, createService, async () => ({
        name: "Scoring API",
        environment: "DEV",
        url: "http://127.0.0.1:9/score",
        kind: "MODEL_API",
      })),
  },
  saveServices: {
    as: "ADMIN",
    schema: ServiceBatchSchema,
    setup: (ctx) =>
      atKey(ctx, {}, saveServices, async () => ({
        services: [{ name: "grafana", kind: "GRAFANA", environment: "STAGING", url: "http://127.0.0.1:3000/" }],
      })),
  },
  updateService: {
    as: "ADMIN",
    schema: ServiceUpdateSchema,
    setup: async (ctx) => {
      const { uc, svc } = await makeService(ctx);
      return {
        call: (input, id) => updateService(ctx.actor, id, input),
        id: svc.id,
        valid: async () => ({
          version: (await db.service.findUniqueOrThrow({ where: { id: svc.id } })).version,
          name: "Renamed",
          note: "Edited",
        }),
        snapshot: withActor(ctx, () => useCaseState(db, uc.id)),
      };
    },
  },
  deleteService: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, svc } = await makeService(ctx);
      return idOnly(
        svc.id,
        (id) => deleteService(ctx.actor, id),
        withActor(ctx, () => useCaseState(db, uc.id)),
      );
    },
  },
  checkService: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, svc } = await makeService(ctx);
      return idOnly(
        svc.id,
        (id) => checkService(ctx.actor, id),
        withActor(ctx, () => useCaseState(db, uc.id)),
      );
    },
  },
};

async function makeService(ctx: Ctx) {
  const uc = await seedUseCase(ctx);
  const svc = await createService(ctx.admin, uc.key, {
    name: "Scoring",
    environment: "DEV",
    url: "http://127.0.0.1:9/x",
  });
  return { uc, svc };
}
