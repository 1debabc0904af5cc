// Bad-input ops at the domain layer: use cases.

import { BulkEditSchema } from "@/lib/validation/bulk-edit";
import { ReopenSchema } from "@/lib/validation/gate";
import { UseCaseCreateSchema, UseCaseUpdateSchema } from "@/lib/validation/use-case";
import { db } from "../db";
import { reopenUseCase } from "../gates/reopen-use-case";
import { bulkUpdateUseCases } from "../use-cases/bulk-update-use-cases";
import { createUseCase } from "../use-cases/create-use-case";
import { updateUseCase } from "../use-cases/update-use-case";
import { atKey, type Op, withActor } from "./kit";

export const USE_CASES_OPS: Record<string, Op> = {
  createUseCase: {
    as: "DATA_SCIENTIST",
    schema: UseCaseCreateSchema,
    money: ["ebitda.low", "ebitda.base", "ebitda.high"],
    setup: async (ctx) => ({
      call: (input) => createUseCase(ctx.actor, input),
      id: "",
      valid: async () => ({
        title: `Fuzz ${ctx.tag}`,
        outcome: "An outcome",
        ebitda: { low: "1", base: "2", high: "3", currency: "EUR" },
      }),
      snapshot: withActor(ctx, async () => db.useCase.count({ where: { ownerId: ctx.actor.id } })),
    }),
  },
  updateUseCase: {
    as: "ADMIN",
    schema: UseCaseUpdateSchema,
    money: ["ebitda.low", "ebitda.base", "ebitda.high"],
    setup: (ctx) =>
      atKey(ctx, {}, updateUseCase, async (uc) => ({
        version: (await db.useCase.findUniqueOrThrow({ where: { id: uc.id } })).version,
        title: "Edited",
        ebitda: { low: "10", base: "20", high: "30", currency: "EUR" },
      })),
  },
  bulkUpdateUseCases: {
    as: "ADMIN",
    schema: BulkEditSchema,
    setup: async (ctx) => {
      const prepared = await atKey(
        ctx,
        {},
        (actor, _key, input) => bulkUpdateUseCases(actor, input),
        async (uc) => ({
          keys: [uc.key],
          set: { benefitArea: "COST_REDUCTION", addTags: ["fuzz"], removeTags: ["old"] },
          expectedVersions: { [uc.key]: (await db.useCase.findUniqueOrThrow({ where: { id: uc.id } })).version },
        }),
      );
      // Only the tag is fuzzed as text: a key changed into another use case's would edit someone else's row.
      return { ...prepared, id: "", textPaths: ["set.addTags.0"] };
    },
  },
  reopenUseCase: {
    as: "ADMIN",
    schema: ReopenSchema,
    setup: (ctx) => atKey(ctx, { status: "STOPPED" }, reopenUseCase, async () => ({ reason: "Budget found" })),
  },
};
