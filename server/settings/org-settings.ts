import "server-only";
import { type Actor, can } from "../../lib/permissions";
import { OrgSettingsSchema } from "../../lib/validation/value";
import { changedFields, recordEvent } from "../audit/record-event";
import { db } from "../db";
import { forbidden } from "../errors";
import { parseInput } from "../use-cases/validate-input";

export type OrgSettingsDto = { currency: string };

/** The organisation's settings; defaults until an admin saves them. */
export async function getOrgSettings(): Promise<OrgSettingsDto> {
  const row = await db.orgSettings.findUnique({ where: { id: 1 } });
  return { currency: row?.currency ?? "EUR" };
}

export async function updateOrgSettings(actor: Actor, input: unknown): Promise<OrgSettingsDto> {
  if (!can(actor, "settings:manage")) throw forbidden("Only an admin changes the organisation's settings.");
  const data = parseInput(OrgSettingsSchema, input);
  const before = await getOrgSettings();
  await db.$transaction(async (tx) => {
    await tx.orgSettings.upsert({
      where: { id: 1 },
      create: { id: 1, currency: data.currency, updatedById: actor.id },
      update: { currency: data.currency, updatedById: actor.id },
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "settings.update",
      entity: "OrgSettings",
      entityId: "1",
      ...changedFields(before, data),
    });
  });
  return getOrgSettings();
}
