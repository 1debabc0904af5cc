import { PASSING_DECISIONS } from "@/lib/lifecycle";
import type { GateDto } from "@/server/gates/gate-dto";
import { describeRelease, type GateReleaseDto } from "@/server/registry/gate-release";

/** "G3 approved churn-model v7 (run 3f2a9c1…), commit a1b2c3": what a review put up, and what a passing one approved. */
export function ReleaseLine({ review, release }: { review: GateDto; release: GateReleaseDto }) {
  const approved =
    review.status === "DECIDED" && review.decision !== null && PASSING_DECISIONS.includes(review.decision);
  return (
    <p className="text-slate-800" data-testid="gate-release">
      {approved ? `${review.gate} approved ` : "For approval: "}
      <span className="font-medium">{describeRelease(release)}</span>
    </p>
  );
}
