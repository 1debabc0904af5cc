import { Check } from "lucide-react";
import { GATES, STAGE_LABELS, STAGES, type Stage } from "@/lib/lifecycle";

type GateState = "passed" | "in review" | "ahead";

const GATE_STYLES: Record<GateState, { line: string; chip: string }> = {
  passed: { line: "bg-primary", chip: "bg-primary text-white" },
  "in review": { line: "bg-amber-300", chip: "bg-amber-100 text-amber-900 ring-1 ring-amber-300" },
  ahead: { line: "bg-slate-200", chip: "bg-surface text-slate-600 ring-1 ring-slate-300" },
};

/**
 * The roadbook at a glance: the four stages, with the gate between each pair (G1–G3) shown on
 * the line that joins them: passed, in review (a review is open) or ahead.
 */
export function StageStepper({ stage, openGate }: { stage: Stage; openGate: string | null }) {
  const current = STAGES.indexOf(stage);
  return (
    <ol aria-label="Stage" className="flex w-full max-w-3xl items-start">
      {STAGES.map((s, index) => {
        const gate = index > 0 ? GATES[index - 1] : undefined;
        const gateState: GateState = index <= current ? "passed" : gate && gate.id === openGate ? "in review" : "ahead";
        const state = index < current ? "done" : index === current ? "current" : "upcoming";
        return (
          <li
            key={s}
            aria-current={state === "current" ? "step" : undefined}
            className="relative flex flex-1 flex-col items-center text-center"
          >
            {gate && (
              <span aria-hidden className="absolute top-4 right-1/2 left-[-50%] flex -translate-y-1/2 items-center">
                <span className={`h-0.5 w-full ${GATE_STYLES[gateState].line}`} />
                <span
                  className={`absolute left-1/2 -translate-x-1/2 rounded-full px-1.5 text-[0.65rem] leading-4 font-semibold ${GATE_STYLES[gateState].chip}`}
                >
                  {gate.id}
                </span>
              </span>
            )}
            <span
              aria-hidden
              className={`relative z-10 flex h-8 w-8 items-center justify-center rounded-full text-sm font-semibold ${
                state === "done"
                  ? "bg-primary text-white"
                  : state === "current"
                    ? "bg-primary text-white ring-4 ring-brand-100"
                    : "bg-surface text-slate-600 ring-1 ring-slate-300"
              }`}
            >
              {state === "done" ? <Check size={16} /> : index + 1}
            </span>
            <span
              className={`mt-2 px-1 text-xs ${state === "current" ? "font-semibold text-slate-900" : "text-slate-600"}`}
            >
              {STAGE_LABELS[s]}
            </span>
            <span className="sr-only">
              {gate ? `, after gate ${gate.id} (${gateState})` : ""}, {state === "current" ? "current stage" : state}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
