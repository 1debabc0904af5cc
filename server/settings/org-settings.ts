import "server-only";
import type { z } from "zod";
import { normalizeMoney } from "@/lib/money";
import { type Actor, can } from "@/lib/permissions";
import { DEFAULT_REVIEW_DEADLINE_DAYS } from "@/lib/review-deadlines";
import { DEFAULT_ATTACHMENT_LIMITS } from "@/lib/validation/attachment";
import { OrgSettingsSchema } from "@/lib/validation/value";
import { changedFields, recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { env } from "../env";
import { DomainError } from "../errors";
import { parseInput } from "../http/parse-input";
import type { OrgSettingsResponse, OrgSettingsViewResponse } from "../openapi/schemas/settings";
import { parseAllowList } from "../services/probe-policy";

export type OrgSettingsDto = z.infer<typeof OrgSettingsResponse>;

/** The settings as a non-admin reads them: without the probe allowlist (the internal hosts probed). */
export type OrgSettingsView = z.infer<typeof OrgSettingsViewResponse>;

export const DEFAULT_STAGE_PROBABILITIES = [10, 30, 60, 100];

/**
 * The probe interval before an admin saves one: ROADBOOK_PROBE_INTERVAL_MINUTES (0–1440, default
 * 5), except 0, which turns the rounds off (server/services/probe-scheduler.ts) and leaves 5 here.
 */
export function defaultProbeIntervalMinutes(): number {
  return env().ROADBOOK_PROBE_INTERVAL_MINUTES || 5;
}

type Row = Awaited<ReturnType<typeof db.orgSettings.findUnique>>;

function toDto(row: Row): OrgSettingsDto {
  return {
    currency: row?.currency ?? "EUR",
    probeAllow: row?.probeAllow ?? [],
    stageProbabilities: row?.stageProbabilities.length === 4 ? row.stageProbabilities : DEFAULT_STAGE_PROBABILITIES,
    stalledDays: row?.stalledDays ?? 30,
    probeIntervalMinutes: row?.probeIntervalMinutes ?? defaultProbeIntervalMinutes(),
    peopleDayRate: row?.peopleDayRate == null ? null : row.peopleDayRate.toFixed(2),
    reviewDeadlineDays: row?.reviewDeadlineDays.length === 3 ? row.reviewDeadlineDays : DEFAULT_REVIEW_DEADLINE_DAYS,
    holidays: row?.holidays ?? [],
    attachmentFileMb: row?.attachmentFileMb ?? DEFAULT_ATTACHMENT_LIMITS.fileMb,
    attachmentUseCaseMb: row?.attachmentUseCaseMb ?? DEFAULT_ATTACHMENT_LIMITS.useCaseMb,
    // The row's default version is 1: no row yet reads as version 1 too.
    version: row?.version ?? 1,
  };
}

/** The organisation's settings; defaults until an admin saves them. */
export async function getOrgSettings(): Promise<OrgSettingsDto> {
  return toDto(await db.orgSettings.findUnique({ where: { id: 1 } }));
}

/**
 * The settings as `actor` may read them (`GET /api/v1/settings`): all of them for an admin; for
 * other roles everything but the probe allowlist, which names internal hosts and networks and is
 * needed only by whoever manages the settings.
 */
export async function readOrgSettings(actor: Actor): Promise<OrgSettingsView> {
  const settings = await getOrgSettings();
  if (can(actor, "settings:manage")) return settings;
  const { probeAllow: _internalHosts, ...view } = settings;
  return view;
}

/**
 * Save some settings (only the fields sent are written). The `version` is required: a stale save gets
 * CONFLICT with the settings as they are now. A save that changes nothing writes nothing.
 * Audited as `settings.update` with the changed fields before and after.
 */
export async function updateOrgSettings(actor: Actor, input: unknown): Promise<OrgSettingsDto> {
  requirePermission(actor, "settings:manage", "Only an admin changes the organisation's settings.");
  const { version, ...parsed } = parseInput(OrgSettingsSchema, input);
  const data = parsed.holidays ? { ...parsed, holidays: [...new Set(parsed.holidays)].sort() } : parsed;
  // Canonical two decimals, so "800" and "800.00" are the same rate (and no change).
  if (typeof data.peopleDayRate === "string") data.peopleDayRate = normalizeMoney(data.peopleDayRate);
  if (data.probeAllow) {
    const { invalid } = parseAllowList(data.probeAllow);
    if (invalid.length)
      throw new DomainError("VALIDATION", "Some fields need attention.", {
        errors: [{ path: "probeAllow", message: `Not a host, address or CIDR: ${invalid.join(", ")}` }],
      });
  }
  return db.$transaction(async (tx) => {
    const lockAndRead = async () => {
      const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "OrgSettings" WHERE id = 1 FOR UPDATE`;
      return locked.length ? tx.orgSettings.findUnique({ where: { id: 1 } }) : null;
    };
    const check = (before: OrgSettingsDto) => {
      if (version !== before.version)
        throw new DomainError("CONFLICT", "Someone else saved the settings after you opened them.", {
          current: before,
        });
      const { version: _version, ...fields } = before;
      return changedFields(fields, { ...fields, ...data });
    };
    let row = await lockAndRead();
    let before = toDto(row);
    let change = check(before);
    if (Object.keys(change.after as object).length === 0) return before;
    if (!row) {
      // The first save creates the row with the defaults in force (the env's probe interval
      // included). A concurrent first save waits on the insert, then finds the row, its version.
      await tx.orgSettings.createMany({
        data: [{ id: 1, probeIntervalMinutes: defaultProbeIntervalMinutes() }],
        skipDuplicates: true,
      });
      row = await lockAndRead();
      before = toDto(row);
      change = check(before);
      if (Object.keys(change.after as object).length === 0) return before;
    }
    const saved = await tx.orgSettings.update({
      where: { id: 1 },
      data: { ...data, version: { increment: 1 }, updatedById: actor.id },
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "settings.update",
      entity: "OrgSettings",
      entityId: "1",
      ...change,
      useCaseId: null,
    });
    return toDto(saved);
  });
}
