import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { STAGE_LABELS, type Stage } from "@/lib/lifecycle";
import type { FeedbackDto } from "@/server/feedback/feedback";
import { FeedbackForm } from "./feedback-form";

/** User feedback on the use case (gate G2 asks for at least one piece). */
export function FeedbackSection({
  useCaseKey,
  feedback,
  canAdd,
}: {
  useCaseKey: string;
  feedback: FeedbackDto[];
  canAdd: boolean;
}) {
  return (
    <section
      id="feedback"
      aria-labelledby="feedback-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-surface p-5"
    >
      <h2 id="feedback-heading" className="text-lg font-semibold">
        User feedback
      </h2>
      {feedback.length === 0 ? (
        <EmptyState>No feedback yet. Ask the prototype's users what works and what does not.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {feedback.map((item) => (
            <li key={item.id} className="text-sm">
              <p className="whitespace-pre-line text-slate-900">{item.text}</p>
              <p className="text-xs text-slate-500">
                {item.author.name} · {STAGE_LABELS[item.stage as Stage]} · <LocalDate value={item.createdAt} />
                {item.rating != null && ` · rated ${item.rating}/5`}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canAdd && <FeedbackForm useCaseKey={useCaseKey} />}
    </section>
  );
}
