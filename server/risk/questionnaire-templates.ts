import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { type Question, type Rule, SCREENING_V1, type Template } from "@/lib/risk-screening";
import { RiskTemplateUpdateSchema, toDefinition } from "@/lib/validation/risk-template";
import { type AuditEventInput, recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db, type Tx } from "../db";
import { DomainError, notFound } from "../errors";
import { parseInput } from "../http/parse-input";

/** The public shape of a questionnaire version (docs/api-v1.md, "Risk screening"). */
export type RiskTemplateDto = Template & {
  /** Who saved it and when; null for version 1, the EU AI Act template in code. */
  createdAt: string | null;
  createdBy: { id: string; name: string } | null;
  /** The newest version: the one new screenings use; send it back as `expectedVersion` with a change. */
  currentVersion: number;
};

type Client = Tx | typeof db;

const select = {
  version: true,
  title: true,
  questions: true,
  rules: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;
type Row = Prisma.RiskQuestionnaireTemplateGetPayload<{ select: typeof select }>;

// Rows are written only through RiskTemplateUpdateSchema (below): their JSON has the template's shape.
const toTemplate = (row: Row): Template => ({
  version: row.version,
  title: row.title,
  questions: row.questions as unknown as Question[],
  rules: row.rules as unknown as Rule[],
});

const V1: Omit<RiskTemplateDto, "currentVersion"> = { ...SCREENING_V1, createdAt: null, createdBy: null };

function toDto(row: Row | null, currentVersion: number): RiskTemplateDto {
  if (!row) return { ...V1, currentVersion };
  return {
    ...toTemplate(row),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    currentVersion,
  };
}

const newest = (client: Client) => client.riskQuestionnaireTemplate.findFirst({ select, orderBy: { version: "desc" } });

/** The template new screenings use: the newest saved version, else version 1. */
export async function currentScreeningTemplate(client: Client = db): Promise<Template> {
  const row = await newest(client);
  return row ? toTemplate(row) : SCREENING_V1;
}

/**
 * The version a screening started with, so its answers are read with the questions they
 * answered; the current one for a screening not started (`version` null).
 */
export async function screeningTemplate(version: number | null, client: Client = db): Promise<Template> {
  if (version === null) return currentScreeningTemplate(client);
  if (version === SCREENING_V1.version) return SCREENING_V1;
  const row = await client.riskQuestionnaireTemplate.findUnique({ where: { version }, select });
  // Versions are never deleted; a screening of an unknown version is read as version 1 (its origin).
  return row ? toTemplate(row) : SCREENING_V1;
}

/** Is `questionId` a question of some version (version 1 or one saved since)? */
export async function isScreeningQuestion(questionId: string, client: Client = db): Promise<boolean> {
  if (SCREENING_V1.questions.some((question) => question.id === questionId)) return true;
  const found = await client.riskQuestionnaireTemplate.findFirst({
    where: { questions: { array_contains: [{ id: questionId }] } },
    select: { id: true },
  });
  return found !== null;
}

function parseVersion(value: string | null): number | null {
  if (value === null) return null;
  if (!/^[1-9]\d{0,8}$/.test(value.trim()))
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [{ path: "version", message: "The version is a whole number from 1." }],
    });
  return Number(value);
}

/**
 * `GET /api/v1/risk-template[?version=N]`: every signed-in user reads the questionnaire (the
 * current version by default), as the screening form shows it.
 */
export async function getRiskTemplate(actor: Actor, version: string | null = null): Promise<RiskTemplateDto> {
  requirePermission(actor, "use-case:read");
  const wanted = parseVersion(version);
  const latest = await newest(db);
  const currentVersion = latest?.version ?? SCREENING_V1.version;
  if (wanted === null || wanted === currentVersion) return toDto(latest, currentVersion);
  if (wanted === SCREENING_V1.version) return toDto(null, currentVersion);
  const row = await db.riskQuestionnaireTemplate.findUnique({ where: { version: wanted }, select });
  if (!row) throw notFound(`Version ${wanted} of the risk screening template`);
  return toDto(row, currentVersion);
}

/**
 * ADMIN: save the questionnaire as the next version. New screenings use it; a screening keeps
 * the version it started with. `expectedVersion` must be the current version: two admins saving
 * at once, one wins and the other gets CONFLICT with the template as it is now (the unique
 * version decides). The row and its audit event are written in one transaction.
 */
export async function updateRiskTemplate(actor: Actor, input: unknown): Promise<RiskTemplateDto> {
  requirePermission(actor, "risk-template:manage", "Only an admin changes the risk screening template.");
  const { expectedVersion, ...fields } = parseInput(RiskTemplateUpdateSchema, input);
  const definition = toDefinition(fields);
  const stale = async (client: Client) => {
    const latest = await newest(client);
    return new DomainError(
      "CONFLICT",
      "Someone saved a new version of the template after you opened it: make your change on that one.",
      {
        current: toDto(latest, latest?.version ?? SCREENING_V1.version),
      },
    );
  };
  try {
    return await db.$transaction(async (tx) => {
      const current = await newest(tx);
      const currentVersion = current?.version ?? SCREENING_V1.version;
      if (currentVersion !== expectedVersion) throw await stale(tx);
      const saved = await tx.riskQuestionnaireTemplate.create({
        data: {
          version: currentVersion + 1,
          title: definition.title,
          questions: definition.questions as unknown as Prisma.InputJsonValue,
          rules: definition.rules as unknown as Prisma.InputJsonValue,
          createdById: actor.id,
        },
        select,
      });
      const before = current ? toTemplate(current) : SCREENING_V1;
      // The whole questionnaire before and after: the audit trail shows what the new version changed.
      const asJson = (template: Template) => JSON.parse(JSON.stringify(template)) as AuditEventInput["before"];
      await recordEvent(tx, {
        actorId: actor.id,
        action: "risk-template.update",
        entity: "RiskQuestionnaireTemplate",
        entityId: String(saved.version),
        before: asJson(before),
        after: asJson({ version: saved.version, ...definition }),
        useCaseId: null,
      });
      return toDto(saved, saved.version);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw await stale(db);
    throw error;
  }
}
