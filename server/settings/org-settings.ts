import "server-only";
import { type Actor, can } from "../../lib/permissions";
import { OrgSettingsSchema } from "../../lib/validation/value";
import { changedFields, recordEvent } from "../audit/record-event";
import { db } from "../db";
import { DomainError, forbidden } from "../errors";
import { parseAllowList } from "../services/probe-policy";
import { parseInput } from "../use-cases/validate-input";

export type OrgSettingsDto = {
  currency: string;
  probeAllow: string[];
  /** % per stage, in STAGES order. */
  stageProbabilities: number[];
  stalledDays: number;
};

export const DEFAULT_STAGE_PROBABILITIES = [10, 30, 60, 100];

/** The organisation's settings; defaults until an admin saves them. */
export async function getOrgSettings(): Promise<OrgSettingsDto> {
  const row = await db.orgSettings.findUnique({ where: { id: 1 } });
  return {
    currency: row?.currency ?? "EUR",
    probeAllow: row?.probeAllow ?? [],
    stageProbabilities: row?.stageProbabilities.length === 4 ? row.stageProbabilities : DEFAULT_STAGE_PROBABILITIES,
    stalledDays: row?.stalledDays ?? 30,
  };
}

export async function updateOrgSettings(actor: Actor, input: unknown): Promise<OrgSettingsDto> {
  if (!can(actor, "settings:manage")) throw forbidden("Only an admin changes the organisation's settings.");
  const data = parseInput(OrgSettingsSchema, input);
  const before = await getOrgSettings();
  if (data.probeAllow) {
    const { invalid } = parseAllowList(data.probeAllow);
    if (invalid.length)
      throw new DomainError("VALIDATION", "Some fields need attention.", {
        errors: [{ path: "probeAllow", message: `Not a host, address or CIDR: ${invalid.join(", ")}` }],
      });
  }
  const next = { ...before, ...data };
  await db.$transaction(async (tx) => {
    await tx.orgSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...next, updatedById: actor.id },
      update: { ...next, updatedById: actor.id },
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "settings.update",
      entity: "OrgSettings",
      entityId: "1",
      ...changedFields(before, next),
    });
  });
  return getOrgSettings();
}
