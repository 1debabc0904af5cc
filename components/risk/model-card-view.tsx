import { MODEL_CARD_FIELDS, type ModelCardText } from "@/lib/model-card";

/**
 * The model card as a reader (or a printer) sees it: each heading with its text, the fields a
 * high-risk use case must fill marked, empty ones said so.
 */
export function ModelCardView({ card, highRisk }: { card: ModelCardText; highRisk: boolean }) {
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 print:grid-cols-2 print:gap-y-2">
      {MODEL_CARD_FIELDS.map((field) => {
        const text = card[field.id].trim();
        return (
          <div key={field.id} className="space-y-1 print:break-inside-avoid">
            <dt className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
              {field.heading}
              {field.requiredForHigh && (
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
                    highRisk && !text
                      ? "bg-orange-100 text-orange-800 ring-orange-300"
                      : "bg-slate-100 text-slate-700 ring-slate-200"
                  }`}
                >
                  Required for high risk
                </span>
              )}
            </dt>
            <dd className="whitespace-pre-line text-sm text-slate-700">
              {text || <span className="italic text-slate-500">Not written yet.</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
