// The roadbook's checklists, from the source article (../shared/seed-article.txt): what a use
// case must settle in the prototype and in packaging. A use case gets its copy of a stage's
// checklist when it enters that stage (server/gates/decide-gate.ts).
import type { Stage } from "./lifecycle";

export type AnswerType = "NONE" | "CHOICE" | "TEXT";

export type ChecklistTemplateItem = {
  section: string;
  label: string;
  answerType: AnswerType;
  options?: readonly string[];
};

export const CHECKLIST_TEMPLATES: Partial<Record<Stage, readonly ChecklistTemplateItem[]>> = {
  PROTOTYPE: [
    { section: "Prototype", label: "Target architecture defined", answerType: "TEXT" },
    { section: "Prototype", label: "Data sources connected", answerType: "TEXT" },
    { section: "Prototype", label: "Data treatment and execution automated", answerType: "NONE" },
    { section: "Prototype", label: "Monitoring system deployed", answerType: "TEXT" },
    { section: "Prototype", label: "User feedback collected", answerType: "NONE" },
  ],
  PACKAGING: [
    { section: "Technology", label: "Programming language chosen", answerType: "TEXT" },
    {
      section: "Technology",
      label: "Infrastructure chosen",
      answerType: "CHOICE",
      options: ["cloud-public", "cloud-private", "hybrid", "on-premises"],
    },
    {
      section: "Technology",
      label: "Open-source policy for the stack",
      answerType: "CHOICE",
      options: ["accepted", "forbidden"],
    },
    { section: "Delivery methods", label: "Code versioning", answerType: "TEXT" },
    { section: "Delivery methods", label: "Model deployment option", answerType: "TEXT" },
    { section: "Delivery methods", label: "CI/CD", answerType: "TEXT" },
    { section: "Delivery methods", label: "Test strategy (unit, acceptance, integration)", answerType: "TEXT" },
    {
      section: "Industrialisation",
      label: "Processing automated and the whole pipeline monitored, from extraction to exposure",
      answerType: "NONE",
    },
  ],
};

/** The rows of a use case's copy of `stage`'s checklist, all TODO. */
export function checklistRows(useCaseId: string, stage: Stage) {
  return (CHECKLIST_TEMPLATES[stage] ?? []).map((item, position) => ({
    useCaseId,
    stage,
    section: item.section,
    label: item.label,
    position,
    answerType: item.answerType,
    options: [...(item.options ?? [])],
  }));
}
