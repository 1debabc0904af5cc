import "server-only";
import { type Actor, can } from "@/lib/permissions";
import type { RiskStatus } from "@/lib/risk-register";
import { RiskCreateSchema, RiskUpdateSchema } from "@/lib/validation/risk-register";
import { changedFields, recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db, type Tx } from "../db";
import { DomainError, forbidden, notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { acceptorNames } from "./list-risks";
import { type RiskEntryDto, riskEntryInclude, staleRisk, toRiskEntryDto } from "./risk-entry-dto";

type UseCase = { id: string; ownerId: string; sponsorId: string | null };

const mayNotAccept = () =>
  forbidden("Only a risk officer, or the use case's business owner or sponsor, accepts a risk: ask one of them.");

/**
 * Add a risk to a use case's register (admins, the owner or sponsor, the risk officer). An
 * accepted risk needs a rationale, and its acceptor must be a risk officer or the business
 * owner or sponsor (risk:accept).
 */
export async function createRisk(actor: Actor, key: string, input: unknown): Promise<RiskEntryDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  requirePermission(
    actor,
    "risk:manage",
    useCase,
    "Only the use case's owner or sponsor, an admin or a risk officer keeps its risk register.",
  );
  const data = parseInput(RiskCreateSchema, input);
  const status: RiskStatus = data.status ?? "OPEN";
  if (status === "ACCEPTED" && !can(actor, "risk:accept", useCase)) throw mayNotAccept();
  if (data.ownerId) await requireActiveOwner(data.ownerId);

  return db.$transaction(async (tx) => {
    await lockUseCase(tx, useCase.id);
    const row = await tx.useCaseRisk.create({
      data: {
        useCaseId: useCase.id,
        title: data.title,
        category: data.category,
        likelihood: data.likelihood,
        impact: data.impact,
        mitigation: data.mitigation ?? "",
        ownerId: data.ownerId || null,
        dueOn: data.dueOn ? new Date(`${data.dueOn}T00:00:00Z`) : null,
        status,
        acceptanceRationale: status === "ACCEPTED" ? (data.acceptanceRationale ?? "") : "",
        acceptedById: status === "ACCEPTED" ? actor.id : null,
      },
      include: riskEntryInclude,
    });
    const dto = toRiskEntryDto(row, await acceptorNames(tx, [row]));
    await recordEvent(tx, {
      actorId: actor.id,
      action: "risk.create",
      entity: "UseCaseRisk",
      entityId: row.id,
      useCaseId: useCase.id,
      after: auditView(dto),
    });
    return dto;
  });
}

/**
 * Edit a risk from the version it was read at (409 with the risk as it is when stale). Setting
 * it ACCEPTED, or changing an accepted risk's rationale, needs risk:accept and a rationale;
 * leaving ACCEPTED clears the acceptance.
 */
export async function updateRisk(actor: Actor, key: string, id: string, input: unknown): Promise<RiskEntryDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  requireFindableId(id, "Risk");
  requirePermission(
    actor,
    "risk:manage",
    useCase,
    "Only the use case's owner or sponsor, an admin or a risk officer keeps its risk register.",
  );
  const data = parseInput(RiskUpdateSchema, input);
  if (data.ownerId) await requireActiveOwner(data.ownerId);

  return db.$transaction(async (tx) => {
    await lockUseCase(tx, useCase.id);
    const row = await findRisk(tx, useCase, id);
    const names = await acceptorNames(tx, [row]);
    if (row.version !== data.version) throw staleRisk(toRiskEntryDto(row, names));
    const status = data.status ?? row.status;
    const rationale = data.acceptanceRationale ?? row.acceptanceRationale;
    const accepting = status === "ACCEPTED" && (row.status !== "ACCEPTED" || rationale !== row.acceptanceRationale);
    if (accepting && !can(actor, "risk:accept", useCase)) throw mayNotAccept();
    if (status === "ACCEPTED" && !rationale)
      throw new DomainError("VALIDATION", "Some fields need attention.", {
        errors: [
          { path: "acceptanceRationale", message: "Say why the risk is accepted: an accepted risk needs a rationale." },
        ],
      });
    const saved = await tx.useCaseRisk.update({
      where: { id: row.id },
      data: {
        title: data.title,
        category: data.category,
        likelihood: data.likelihood,
        impact: data.impact,
        mitigation: data.mitigation,
        ownerId: data.ownerId === undefined ? undefined : data.ownerId || null,
        dueOn: data.dueOn === undefined ? undefined : data.dueOn ? new Date(`${data.dueOn}T00:00:00Z`) : null,
        status,
        acceptanceRationale: status === "ACCEPTED" ? rationale : "",
        acceptedById: status !== "ACCEPTED" ? null : accepting ? actor.id : row.acceptedById,
        version: { increment: 1 },
      },
      include: riskEntryInclude,
    });
    const before = toRiskEntryDto(row, names);
    const after = toRiskEntryDto(saved, await acceptorNames(tx, [saved]));
    await recordEvent(tx, {
      actorId: actor.id,
      action: "risk.update",
      entity: "UseCaseRisk",
      entityId: row.id,
      useCaseId: useCase.id,
      ...changedFields(auditView(before), auditView(after)),
    });
    return after;
  });
}

async function findRisk(tx: Tx, useCase: UseCase, id: string) {
  const row = await tx.useCaseRisk.findUnique({ where: { id }, include: riskEntryInclude });
  if (!row || row.useCaseId !== useCase.id) throw notFound("Risk");
  return row;
}

async function requireActiveOwner(ownerId: string) {
  const owner = await db.user.findUnique({ where: { id: ownerId }, select: { active: true } });
  if (!owner?.active)
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [{ path: "ownerId", message: "Choose an active user." }],
    });
}

const auditView = (risk: RiskEntryDto) => ({
  title: risk.title,
  category: risk.category,
  likelihood: risk.likelihood,
  impact: risk.impact,
  mitigation: risk.mitigation,
  ownerId: risk.owner?.id ?? null,
  dueOn: risk.dueOn,
  status: risk.status,
  acceptanceRationale: risk.acceptanceRationale,
});
