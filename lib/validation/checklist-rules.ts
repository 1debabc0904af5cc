// Checklist answer rules shared by the item editor and the server, apart from the zod schemas so
// the client editor does not load zod.
import type { AnswerType } from "../checklist-templates";

/** The rules that depend on the item: DONE needs an answer (one of the options for a choice); N/A needs a reason. */
export function itemAnswerIssues(
  item: { answerType: AnswerType | string; options: readonly string[] },
  input: { status: string; answer?: string | null; note?: string | null },
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const answer = input.answer?.trim() ?? "";
  if (input.status === "DONE" && item.answerType !== "NONE" && answer === "")
    issues.push({
      path: "answer",
      message:
        item.answerType === "CHOICE"
          ? "Choose an answer before marking it done."
          : "Give the answer before marking it done.",
    });
  if (item.answerType === "CHOICE" && answer !== "" && !item.options.includes(answer))
    issues.push({ path: "answer", message: `Choose one of: ${item.options.join(", ")}.` });
  if (input.status === "NOT_APPLICABLE" && (input.note?.trim() ?? "") === "")
    issues.push({ path: "note", message: "Say why the item does not apply." });
  return issues;
}
