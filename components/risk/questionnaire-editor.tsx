"use client";
import { type FormEvent, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { updateRiskTemplateAction } from "@/server/actions/risk";
import type { RiskTemplateDto } from "@/server/risk/questionnaire-templates";
import { QuestionEditor } from "./question-editor";
import { RuleEditor } from "./rule-editor";
import { RuleTester } from "./rule-tester";
import {
  conditionFields,
  draftTemplate,
  newQuestion,
  newRule,
  type QuestionDraft,
  type RuleDraft,
  type TemplateDraft,
  toDraft,
  toInput,
} from "./template-draft";

/**
 * ADMIN: edit the risk screening's questionnaire (questions and rules) and save it as the next
 * version, with a rule tester that applies the draft to sample answers before anything is saved.
 * A failed save keeps every field as typed and names the fields to fix.
 */
export function QuestionnaireEditor({ template }: { template: RiskTemplateDto }) {
  const [draft, setDraft] = useState<TemplateDraft>(() => toDraft(template));
  const [version, setVersion] = useState(template.currentVersion);
  const [saved, setSaved] = useState<number | null>(null);
  // Someone saved a version after this page opened: it, to load on request (the draft is kept until then).
  const [latest, setLatest] = useState<RiskTemplateDto | null>(null);
  const { pending, errors, message, setMessage, run } = useSubmit<RiskTemplateDto>(
    (result) => {
      setVersion(result.currentVersion);
      setSaved(result.version);
      setLatest(null);
    },
    { onConflict: (current) => setLatest(current as RiskTemplateDto) },
  );
  function loadLatest(next: RiskTemplateDto) {
    setDraft(toDraft(next));
    setVersion(next.currentVersion);
    setLatest(null);
    setMessage(null);
  }
  const tested = useMemo(() => draftTemplate(draft, version + 1), [draft, version]);

  const edit = (patch: Partial<TemplateDraft>) => {
    setSaved(null);
    setDraft((current) => ({ ...current, ...patch }));
  };
  function changeQuestion(index: number, patch: Partial<QuestionDraft>) {
    setSaved(null);
    setDraft((current) => {
      const before = current.questions[index];
      if (!before) return current;
      const after = { ...before, ...patch };
      const questions = current.questions.map((q, i) => (i === index ? after : q));
      // Rules follow their question: a new id renames them, a new answer type resets their condition.
      const rules = current.rules.map((rule) => {
        if (rule.question !== before.id) return rule;
        if (after.type !== before.type)
          return { ...rule, question: after.id, ...conditionFields(after, rule.condition) };
        return { ...rule, question: after.id };
      });
      return { ...current, questions, rules };
    });
  }
  const moveQuestion = (index: number, by: number) => {
    const questions = [...draft.questions];
    const [moved] = questions.splice(index, 1);
    if (moved) questions.splice(index + by, 0, moved);
    edit({ questions });
  };
  const changeRule = (index: number, patch: Partial<RuleDraft>) =>
    edit({ rules: draft.rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    await run(() => updateRiskTemplateAction({ ...toInput(draft), expectedVersion: version }));
  }

  return (
    <div className="grid gap-8 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form onSubmit={submit} aria-label="Risk screening template" noValidate className="space-y-6">
        <Field label="Title" error={errors.title}>
          {(props) => (
            <TextInput
              {...props}
              invalid={Boolean(errors.title)}
              value={draft.title}
              onChange={(e) => edit({ title: e.target.value })}
            />
          )}
        </Field>

        <section aria-labelledby="questions-heading" className="space-y-3">
          <h2 id="questions-heading" className="text-lg font-semibold">
            Questions
          </h2>
          {draft.questions.map((question, index) => (
            <QuestionEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: the id is one of the fields being edited.
              key={index}
              question={question}
              index={index}
              count={draft.questions.length}
              errors={errors}
              onChange={(patch) => changeQuestion(index, patch)}
              onMove={(by) => moveQuestion(index, by)}
              onRemove={() => edit({ questions: draft.questions.filter((_, i) => i !== index) })}
            />
          ))}
          {errors.questions && <p className="text-sm text-rose-600">{errors.questions}</p>}
          <Button
            variant="secondary"
            onClick={() => edit({ questions: [...draft.questions, newQuestion(draft.questions)] })}
          >
            Add a question
          </Button>
        </section>

        <section aria-labelledby="rules-heading" className="space-y-3">
          <h2 id="rules-heading" className="text-lg font-semibold">
            Rules
          </h2>
          <p className="text-sm text-slate-600">
            A rule gives its tier when its condition holds; the most severe tier among the rules that hold wins, and
            none gives Minimal. The reasons of the winning tier are shown with it.
          </p>
          {draft.rules.map((rule, index) => (
            <RuleEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id of their own.
              key={index}
              rule={rule}
              index={index}
              questions={draft.questions}
              errors={errors}
              onChange={(patch) => changeRule(index, patch)}
              onRemove={() => edit({ rules: draft.rules.filter((_, i) => i !== index) })}
            />
          ))}
          {errors.rules && <p className="text-sm text-rose-600">{errors.rules}</p>}
          <Button variant="secondary" onClick={() => edit({ rules: [...draft.rules, newRule(draft.questions)] })}>
            Add a rule
          </Button>
        </section>

        {message && (
          <div className="space-y-2">
            <p role="alert" className="text-sm text-rose-700">
              {message}
              {latest ? ` Your draft is kept here until you load version ${latest.currentVersion}.` : ""}
            </p>
            {latest && (
              <Button variant="secondary" onClick={() => loadLatest(latest)}>
                Load version {latest.currentVersion} (replaces your draft)
              </Button>
            )}
          </div>
        )}
        {saved !== null && (
          <p role="status" className="text-sm text-emerald-700">
            Saved as version {saved}. New screenings use it; screenings already started keep their version.
          </p>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : `Save as version ${version + 1}`}
        </Button>
      </form>

      <section aria-labelledby="tester-heading" className="space-y-3">
        <h2 id="tester-heading" className="text-lg font-semibold">
          Rule tester
        </h2>
        <p className="text-sm text-slate-600">
          Answer as a use case would, and see the tier the draft gives, before you save it. Nothing here is stored.
        </p>
        <RuleTester template={tested} />
      </section>
    </div>
  );
}
