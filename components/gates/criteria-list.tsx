import Link from "next/link";
import type { CriterionResult, FixSection } from "@/lib/lifecycle";

const FIX_LABELS: Record<FixSection, string> = {
  details: "Edit the details",
  value: "Go to the value case",
  checklist: "Go to the checklist",
  feedback: "Record feedback",
  services: "Go to the services",
  risk: "Go to the risk screening",
  "model-card": "Go to the model card",
};

const FIX_PAGES: Partial<Record<FixSection, string>> = { risk: "risk", "model-card": "model-card" };

/** The gate's entry criteria: met ones ticked, unmet ones in plain words with where to fix them. */
export function CriteriaList({ criteria, useCaseKey }: { criteria: CriterionResult[]; useCaseKey: string }) {
  return (
    <ul className="space-y-2" aria-label="Entry criteria">
      {criteria.map((criterion) => (
        <li key={criterion.id} className="flex items-start gap-2 text-sm">
          <span
            aria-hidden
            className={`mt-0.5 inline-flex h-5 w-5 flex-none items-center justify-center rounded-full text-xs font-bold ${criterion.met ? "bg-emerald-100 text-emerald-700" : "bg-amber-100 text-amber-800"}`}
          >
            {criterion.met ? "✓" : "!"}
          </span>
          <span className="min-w-0">
            <span className="sr-only">{criterion.met ? "Met: " : "Not met: "}</span>
            <span className={criterion.met ? "text-slate-700" : "text-slate-900"}>{criterion.message}</span>
            {!criterion.met && (
              <>
                {" "}
                <Link
                  href={
                    FIX_PAGES[criterion.fix]
                      ? `/use-cases/${useCaseKey}/${FIX_PAGES[criterion.fix]}`
                      : `/use-cases/${useCaseKey}#${criterion.fix}`
                  }
                  className="text-brand-700 underline"
                >
                  {FIX_LABELS[criterion.fix]}
                </Link>
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
