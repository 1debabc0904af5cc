"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { type Answer, type Answers, evaluateTier, RISK_TIER_LABELS, type Template } from "@/lib/risk-screening";
import { QuestionField } from "./question-field";
import { RiskTierBadge } from "./risk-tier-badge";

/**
 * The rule tester: a sample answer set on the draft template (saved or not) and the tier and
 * reasons it gives, live, from evaluateTier: the same pure function the server applies to a
 * submitted screening and the screening form previews with.
 */
export function RuleTester({ template }: { template: Template }) {
  const [answers, setAnswers] = useState<Answers>({});
  const result = evaluateTier(template, answers);
  const set = (id: string, value: Answer) => setAnswers((current) => ({ ...current, [id]: value }));
  return (
    <div className="space-y-4">
      <div
        role="status"
        aria-live="polite"
        aria-label="Result of the rule tester"
        // Beside the editor on wide screens, the result stays in view while the answers scroll.
        className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm 2xl:sticky 2xl:top-2 2xl:z-10"
      >
        <span className="font-medium">These answers give:</span>
        <RiskTierBadge tier={result.tier} />
        <span className="text-slate-700">
          {result.reasons.join(" ") || `${RISK_TIER_LABELS.MINIMAL}: no rule of the draft applies.`}
        </span>
      </div>
      {template.questions.map((question, index) => (
        <QuestionField
          // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat or be blank while being edited.
          key={index}
          // Ids of the tester's own, so the page's controls stay unique whatever the draft's ids are.
          question={{ ...question, id: `tester-${index}` }}
          value={answers[question.id]}
          disabled={false}
          onChange={(value) => set(question.id, value)}
        />
      ))}
      <Button variant="secondary" onClick={() => setAnswers({})}>
        Clear the sample answers
      </Button>
    </div>
  );
}
