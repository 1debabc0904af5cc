// What an evidence file can be attached to, without zod: the upload control imports this, and
// zod would otherwise ship in the use-case page's first-load JavaScript (lib/validation/attachment.ts
// builds the schemas on it).
export const ATTACHMENT_TARGETS = ["CHECKLIST_ITEM", "GATE_REVIEW", "ASSESSMENT_ANSWER"] as const;
export type AttachmentTargetKind = (typeof ATTACHMENT_TARGETS)[number];

export const ATTACHMENT_TARGET_LABELS: Record<AttachmentTargetKind, string> = {
  CHECKLIST_ITEM: "checklist item",
  GATE_REVIEW: "gate request",
  ASSESSMENT_ANSWER: "assessment answer",
};
