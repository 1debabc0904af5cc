import "server-only";
import type { z } from "zod";
import { CHECKLIST_STAGES, type ChecklistStage } from "@/lib/checklist-templates";
import type { Actor } from "@/lib/permissions";
import { TemplateUpdateSchema } from "@/lib/validation/checklist";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError, type FieldIssue } from "../errors";
import { parseInput } from "../http/parse-input";
import type { ChecklistTemplateResponse } from "../openapi/schemas/checklists";
import { ensureTemplate } from "./templates";

export type TemplateItemDto = {
  key: string;
  section: string;
  label: string;
  answerType: string;
  options: string[];
  evidenceKind: string | null;
  retired: boolean;
  /** Running checklists have answered this item: it can be retired, not deleted. */
  answered: boolean;
};
export type TemplateDto = z.infer<typeof ChecklistTemplateResponse>;

async function answeredKeys(stage: ChecklistStage): Promise<Set<string>> {
  const rows = await db.checklistItem.findMany({
    where: { stage, OR: [{ status: { not: "TODO" } }, { answer: { not: null } }, { note: { not: null } }] },
    distinct: ["itemKey"],
    select: { itemKey: true },
  });
  return new Set(rows.map((row) => row.itemKey));
}

/** The current version of each stage's template. */
export async function listTemplates(actor: Actor): Promise<TemplateDto[]> {
  requirePermission(actor, "use-case:read");
  return Promise.all(
    CHECKLIST_STAGES.map(async (stage) => {
      const [template, answered] = await Promise.all([ensureTemplate(db, stage), answeredKeys(stage)]);
      return {
        stage,
        version: template.version,
        createdAt: template.createdAt.toISOString(),
        items: template.items.map((item) => ({
          key: item.key,
          section: item.section,
          label: item.label,
          answerType: item.answerType,
          options: item.options,
          evidenceKind: item.evidenceKind,
          retired: item.retired,
          answered: answered.has(item.key),
        })),
      };
    }),
  );
}

const slug = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 32) || "item";

/** A 409 that carries the template as it is now (`current`), like every other stale save. */
async function templateConflict(actor: Actor, stage: ChecklistStage, message: string): Promise<DomainError> {
  const current = (await listTemplates(actor)).find((template) => template.stage === stage);
  return new DomainError("CONFLICT", message, current ? { current } : {});
}

/**
 * ADMIN: save a stage's template as a new version (for use cases entering the stage
 * later; running checklists keep theirs). An item that running checklists answered cannot
 * be left out, only retired. `expectedVersion` (required) guards against two admins editing at once.
 */
export async function updateTemplate(actor: Actor, stage: string, input: unknown): Promise<TemplateDto> {
  requirePermission(actor, "checklist-template:manage", "Only an admin edits checklist templates.");
  if (!(CHECKLIST_STAGES as readonly string[]).includes(stage))
    throw new DomainError("NOT_FOUND", "Checklist templates exist for PROTOTYPE and PACKAGING.");
  const checklistStage = stage as ChecklistStage;
  const raw = (input ?? {}) as { expectedVersion?: unknown };
  const { expectedVersion, ...rest } = typeof raw === "object" ? raw : {};
  const { items } = parseInput(TemplateUpdateSchema, rest);
  if (!Number.isInteger(expectedVersion))
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [
        { path: "expectedVersion", message: "Send the version you edited: a whole number (from the template)." },
      ],
    });
  const current = await ensureTemplate(db, checklistStage);
  if (expectedVersion !== current.version)
    throw await templateConflict(
      actor,
      checklistStage,
      `Someone saved version ${current.version} after you opened the template. Reload it.`,
    );

  const errors: FieldIssue[] = [];
  const taken = new Set<string>();
  const keyed = items.map((item, index) => {
    let key = item.key ?? slug(item.label);
    if (!item.key)
      for (let n = 2; taken.has(key) || current.items.some((i) => i.key === key); n++) key = `${slug(item.label)}-${n}`;
    if (taken.has(key)) errors.push({ path: `items.${index}.key`, message: "Two items have the same key." });
    taken.add(key);
    return { ...item, key };
  });
  const answered = await answeredKeys(checklistStage);
  for (const old of current.items) {
    if (!taken.has(old.key) && answered.has(old.key))
      errors.push({
        path: "items",
        message: `“${old.label}” has answers in running checklists: retire it instead of deleting it.`,
      });
  }
  if (errors.length) throw new DomainError("VALIDATION", "Some fields need attention.", { errors });

  await db.$transaction(async (tx) => {
    const created = await tx.checklistTemplate
      .create({
        data: {
          stage: checklistStage,
          version: current.version + 1,
          createdById: actor.id,
          items: {
            create: keyed.map((item, position) => ({
              key: item.key,
              section: item.section,
              label: item.label,
              position,
              answerType: item.answerType,
              options: item.options,
              evidenceKind: item.evidenceKind ?? null,
              retired: item.retired,
            })),
          },
        },
      })
      .catch(async (error: { code?: string }) => {
        if (error.code === "P2002")
          throw await templateConflict(actor, checklistStage, "Another admin saved a new version first. Reload it.");
        throw error;
      });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "checklist-template.update",
      entity: "ChecklistTemplate",
      entityId: created.id,
      before: { version: current.version, items: current.items.map((i) => i.label) },
      after: { version: created.version, items: keyed.map((i) => (i.retired ? `${i.label} (retired)` : i.label)) },
    });
  });
  const templates = await listTemplates(actor);
  return templates.find((template) => template.stage === checklistStage) as TemplateDto;
}
