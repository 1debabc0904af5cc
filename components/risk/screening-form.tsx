"use client";
import { type FormEvent, useState } from "react";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";
import { type Answer, type Answers, evaluateTier, RISK_TIER_LABELS } from "@/lib/risk-screening";
import { saveAssessmentAction, submitAssessmentAction } from "@/server/actions/risk";
import type { AssessmentDto } from "@/server/risk/assessment-dto";
import { QuestionField } from "./question-field";
import { RiskTierBadge } from "./risk-tier-badge";

/** The owner's form: answer, see the tier the answers give, save a draft or submit for review. */
export function ScreeningForm({ assessment, canAnswer }: { assessment: AssessmentDto; canAnswer: boolean }) {
  const [answers, setAnswers] = useState<Answers>(assessment.answers);
  const [version, setVersion] = useState(assessment.version);
  const [saved, setSaved] = useState<string | null>(null);
  const { pending, errors, message, run } = useSubmit<AssessmentDto>((dto) => setVersion(dto.version));
  const locked = !canAnswer || assessment.status === "SUBMITTED";
  // The same pure function as the server's, on the version of the template this screening uses.
  const preview = evaluateTier(
    {
      version: assessment.templateVersion,
      title: assessment.title,
      questions: assessment.questions,
      rules: assessment.rules,
    },
    answers,
  );

  const set = (id: string, value: Answer) => {
    setSaved(null);
    setAnswers((current) => ({ ...current, [id]: value }));
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (await run(() => saveAssessmentAction(assessment.useCaseKey, { answers, version }))) setSaved("Draft saved.");
  }

  async function submit() {
    setSaved(null);
    const ok = await run(async () => {
      const result = await saveAssessmentAction(assessment.useCaseKey, { answers, version });
      if (!result.ok) return result;
      // Saved even when the submission is refused (a question unanswered): the next try starts from here.
      setVersion(result.data.version);
      return submitAssessmentAction(assessment.useCaseKey, { version: result.data.version });
    });
    if (ok) setSaved("Submitted for review.");
  }

  return (
    <form onSubmit={save} aria-label="Risk screening" noValidate className="space-y-5">
      <div aria-live="polite" className="flex flex-wrap items-center gap-2 rounded-md bg-slate-50 p-3 text-sm">
        <span className="font-medium">{locked ? "Tier:" : "Your answers give:"}</span>
        <RiskTierBadge tier={locked ? assessment.tier : preview.tier} />
        <span className="text-slate-600">
          {(locked ? assessment.reasons : preview.reasons).join(" ") ||
            `${RISK_TIER_LABELS.MINIMAL}: no rule of the screening applies.`}
        </span>
      </div>
      {assessment.questions.map((question) => (
        <div key={question.id} className="space-y-2">
          <QuestionField
            question={question}
            value={answers[question.id]}
            error={errors[`answers.${question.id}`]}
            disabled={locked || pending}
            onChange={(value) => set(question.id, value)}
          />
          <AttachmentList
            target="ASSESSMENT_ANSWER"
            targetId={question.id}
            label={`the answer to “${question.text}”`}
            canUpload={canAnswer}
          />
        </div>
      ))}
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      {saved && (
        <p role="status" className="text-sm text-emerald-700">
          {saved}
        </p>
      )}
      {!locked && (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Saving…" : "Save draft"}
          </Button>
          <Button onClick={submit} disabled={pending}>
            Submit for review
          </Button>
        </div>
      )}
    </form>
  );
}
