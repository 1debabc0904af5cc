import { BENEFIT_AREA_LABELS, type BenefitArea } from "@/lib/lifecycle";

/** The article's framing, in plain words: what the model predicts (output), and why it matters (outcome). */
export function ValueStatement({
  output,
  outcome,
  benefitArea,
}: {
  output: string;
  outcome: string;
  benefitArea: BenefitArea | null;
}) {
  if (!output && !outcome) return null;
  return (
    <p className="max-w-3xl text-base text-slate-700">
      {output && (
        <>
          The model predicts <strong className="font-semibold text-slate-900">{output.replace(/\.$/, "")}</strong>
          {outcome ? ", " : "."}
        </>
      )}
      {outcome && (
        <>
          {output ? "so that " : "Why it matters: "}
          <strong className="font-semibold text-slate-900">{outcome.replace(/\.$/, "")}</strong>.
        </>
      )}
      {benefitArea && (
        <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 align-middle text-xs text-slate-600">
          {BENEFIT_AREA_LABELS[benefitArea]}
        </span>
      )}
    </p>
  );
}
