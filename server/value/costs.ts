import "server-only";
import type { z } from "zod";
import { formatKey } from "@/lib/lifecycle";
import { peopleCost } from "@/lib/net-value";
import type { Actor } from "@/lib/permissions";
import { CostSchema } from "@/lib/validation/cost";
import type { CostCategory } from "@/lib/validation/cost-categories";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError, type FieldIssue } from "../errors";
import { parseInput } from "../http/parse-input";
import type { CostResponse } from "../openapi/schemas/costs";
import { getOrgSettings } from "../settings/org-settings";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";

export type CostDto = z.infer<typeof CostResponse>;

const include = { author: { select: { id: true, name: true } } } as const;
const month = (date: Date) => date.toISOString().slice(0, 7);
type Decimalish = { toFixed(d: number): string };

function toDto(
  row: {
    id: string;
    period: string;
    category: CostCategory;
    amount: Decimalish;
    fteDays: Decimalish | null;
    dayRate: Decimalish | null;
    note: string;
    author: { id: string; name: string };
    createdAt: Date;
  },
  currency: string,
): CostDto {
  return {
    id: row.id,
    period: row.period,
    category: row.category,
    amount: row.amount.toFixed(2),
    currency,
    fteDays: row.fteDays == null ? null : row.fteDays.toFixed(2),
    dayRate: row.dayRate == null ? null : row.dayRate.toFixed(2),
    note: row.note,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A use case's cost lines, oldest month first, then by category. */
export async function listCosts(actor: Actor, key: string): Promise<CostDto[]> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const rows = await db.cost.findMany({
    where: { useCaseId: useCase.id },
    include,
    orderBy: [{ period: "asc" }, { category: "asc" }],
  });
  return rows.map((row) => toDto(row, useCase.currency));
}

/**
 * Record one month's cost of a use case in one category, at any stage. PEOPLE lines are FTE
 * days priced at the settings' day rate (kept on the line: a later rate does not rewrite it).
 * The month must not be in the future nor before the use case existed; a (month, category)
 * already recorded is a CONFLICT (the use case's row lock makes concurrent twins queue).
 */
export async function createCost(actor: Actor, key: string, input: unknown): Promise<CostDto> {
  requirePermission(actor, "use-case:read");
  const found = await findUseCaseByKey(key);
  requirePermission(
    actor,
    "cost:create",
    found,
    "Costs are recorded by business, IT, or the use case's owner or sponsor.",
  );
  const data = parseInput(CostSchema, input);
  const errors: FieldIssue[] = [];
  if (data.period > month(new Date())) errors.push({ path: "period", message: "The period cannot be in the future." });
  if (data.period < month(found.createdAt))
    errors.push({
      path: "period",
      message: `The period cannot be before the use case existed (${month(found.createdAt)}).`,
    });
  if (errors.length) throw new DomainError("VALIDATION", "Some fields need attention.", { errors });

  let amount = data.amount ?? "";
  let dayRate: string | null = null;
  if (data.category === "PEOPLE") {
    const settings = await getOrgSettings();
    if (settings.peopleDayRate == null)
      throw new DomainError("CONFLICT", "No day rate is set: an admin sets the people day rate in Settings first.", {
        errors: [{ path: "fteDays", message: "No day rate is set in Settings yet." }],
      });
    if (settings.currency !== found.currency)
      throw new DomainError(
        "CONFLICT",
        `The day rate is in ${settings.currency} and ${formatKey(found.number)} counts in ${found.currency}: record its people costs as OTHER, in ${found.currency}.`,
        { errors: [{ path: "category", message: `The day rate is in ${settings.currency}.` }] },
      );
    dayRate = settings.peopleDayRate;
    amount = peopleCost(data.fteDays ?? "0", dayRate);
  }

  return db.$transaction(async (tx) => {
    await lockUseCase(tx, found.id);
    const duplicate = await tx.cost.findUnique({
      where: { useCaseId_period_category: { useCaseId: found.id, period: data.period, category: data.category } },
    });
    if (duplicate)
      throw new DomainError(
        "CONFLICT",
        `${data.category} costs of ${data.period} are already recorded for ${formatKey(found.number)}.`,
        { errors: [{ path: "period", message: `${data.period} already has ${data.category} costs.` }] },
      );
    const row = await tx.cost.create({
      data: {
        useCaseId: found.id,
        period: data.period,
        category: data.category,
        amount,
        fteDays: data.fteDays ?? null,
        dayRate,
        note: data.note,
        authorId: actor.id,
      },
      include,
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "cost.create",
      entity: "Cost",
      entityId: row.id,
      useCaseId: found.id,
      after: {
        useCase: formatKey(found.number),
        period: data.period,
        category: data.category,
        amount: row.amount.toFixed(2),
        ...(data.fteDays ? { fteDays: data.fteDays, dayRate } : {}),
      },
    });
    return toDto(row, found.currency);
  });
}
