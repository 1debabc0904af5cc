import type { DueStatus } from "@/lib/working-days";

/**
 * "Review due in 3 working days" in slate, "Review overdue by 2 working days" in red: the words
 * say it, the colour only repeats it.
 */
export function DueLabel({
  due,
  subject = "Review",
  className = "",
}: {
  due: DueStatus | null;
  subject?: string;
  className?: string;
}) {
  if (!due) return null;
  return (
    <span
      data-testid="review-due"
      data-overdue={due.overdue ? "true" : "false"}
      className={`${className} ${due.overdue ? "font-medium text-rose-700" : "text-slate-600"}`}
    >
      {subject ? `${subject} ${due.label}` : due.label}
    </span>
  );
}
