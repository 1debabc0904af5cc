import "server-only";
import { formatKey } from "@/lib/lifecycle";
import {
  type Answers,
  type AssessmentStatus,
  evaluateTier,
  type Question,
  type RiskTier,
  type Rule,
  unansweredQuestions,
} from "@/lib/risk-screening";
import { db, type Tx } from "../db";
import { screeningTemplate } from "./questionnaire-templates";

export type AssessmentEventDto = {
  revision: number;
  action: "SUBMITTED" | "APPROVED" | "CHANGES_REQUESTED" | "REVISED";
  tier: RiskTier | null;
  rationale: string;
  actor: { id: string; name: string } | null;
  at: string;
};

/** The public shape of a use case's risk screening (docs/api-v1.md). */
export type AssessmentDto = {
  useCaseKey: string;
  templateVersion: number;
  title: string;
  questions: readonly Question[];
  /** The template's rules: the form previews the tier with them (lib/risk-screening.ts evaluateTier). */
  rules: readonly Rule[];
  answers: Answers;
  /** Submitted or approved: the tier submitted (locked once approved); a draft: the tier its answers give now. */
  tier: RiskTier;
  /** Why the answers give that tier. */
  reasons: string[];
  /** The tier the gates follow: the last one submitted; null before any submission. */
  useCaseTier: RiskTier | null;
  status: AssessmentStatus;
  revision: number;
  /** 0 while the screening has not been started; send it back with the next change. */
  version: number;
  /** Required questions not answered yet (their ids). */
  unanswered: string[];
  history: AssessmentEventDto[];
};

type UseCaseRef = { id: string; number: number; riskTier: RiskTier | null };
type Row = {
  id: string;
  templateVersion: number;
  answers: unknown;
  tier: RiskTier | null;
  status: AssessmentStatus;
  revision: number;
  version: number;
};

export const asAnswers = (value: unknown): Answers =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Answers) : {};

export async function toAssessmentDto(
  useCase: UseCaseRef,
  row: Row | null,
  client: Tx | typeof db = db,
): Promise<AssessmentDto> {
  // The version the screening started with; the current one for a screening not started.
  const template = await screeningTemplate(row?.templateVersion ?? null, client);
  const answers = asAnswers(row?.answers);
  const evaluated = evaluateTier(template, answers);
  const locked = row && (row.status === "SUBMITTED" || row.status === "APPROVED") && row.tier;
  const events = row
    ? await client.riskAssessmentEvent.findMany({ where: { assessmentId: row.id }, orderBy: { at: "asc" } })
    : [];
  const actorIds = [...new Set(events.map((e) => e.actorId))];
  const actors = actorIds.length
    ? await client.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(actors.map((a) => [a.id, a]));
  return {
    useCaseKey: formatKey(useCase.number),
    templateVersion: template.version,
    title: template.title,
    questions: template.questions,
    rules: template.rules,
    answers,
    tier: locked ? (row.tier as RiskTier) : evaluated.tier,
    reasons: evaluated.reasons,
    useCaseTier: useCase.riskTier,
    status: row?.status ?? "DRAFT",
    revision: row?.revision ?? 1,
    version: row?.version ?? 0,
    unanswered: unansweredQuestions(template, answers).map((q) => q.id),
    history: events.map((e) => ({
      revision: e.revision,
      action: e.action as AssessmentEventDto["action"],
      tier: e.tier,
      rationale: e.rationale,
      actor: nameOf.get(e.actorId) ?? null,
      at: e.at.toISOString(),
    })),
  };
}
