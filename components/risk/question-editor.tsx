"use client";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import type { Question } from "@/lib/risk-screening";
import { QUESTION_TYPES } from "@/lib/validation/risk-template";
import { hasChoices, QUESTION_TYPE_LABELS, type QuestionDraft } from "./template-draft";

type Props = {
  question: QuestionDraft;
  /** 0-based; labels count from 1. */
  index: number;
  count: number;
  /** Field errors of the template, by path ("questions.2.text"). */
  errors: Record<string, string>;
  onChange: (patch: Partial<QuestionDraft>) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
};

/** One question of the template: id, answer type, text, help, legal link, required, and its choices. */
export function QuestionEditor({ question, index, count, errors, onChange, onMove, onRemove }: Props) {
  const n = index + 1;
  const error = (field: string) => errors[`questions.${index}.${field}`];
  const setChoice = (c: number, patch: Partial<QuestionDraft["choices"][number]>) =>
    onChange({ choices: question.choices.map((choice, i) => (i === c ? { ...choice, ...patch } : choice)) });
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-surface p-4">
      <legend className="px-1 font-medium">
        Question {n}
        {question.text ? `: ${question.text}` : ""}
      </legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          label={`Id of question ${n}`}
          error={error("id")}
          hint="Stable across versions: answers and rules refer to it."
        >
          {(props) => (
            <TextInput
              {...props}
              invalid={Boolean(error("id"))}
              value={question.id}
              onChange={(e) => onChange({ id: e.target.value })}
            />
          )}
        </Field>
        <Field label={`Answer type of question ${n}`} error={error("type")}>
          {(props) => (
            <Select
              {...props}
              value={question.type}
              onChange={(e) => onChange({ type: e.target.value as Question["type"] })}
            >
              {QUESTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {QUESTION_TYPE_LABELS[type]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input
            type="checkbox"
            checked={question.required}
            onChange={(e) => onChange({ required: e.target.checked })}
          />
          Question {n} must be answered before submitting
        </label>
      </div>
      <Field label={`Text of question ${n}`} error={error("text")}>
        {(props) => (
          <TextInput
            {...props}
            invalid={Boolean(error("text"))}
            value={question.text}
            onChange={(e) => onChange({ text: e.target.value })}
          />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={`Help of question ${n} (optional)`} error={error("help")}>
          {(props) => (
            <TextArea
              {...props}
              rows={2}
              invalid={Boolean(error("help"))}
              value={question.help}
              onChange={(e) => onChange({ help: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={`Link to the legal text of question ${n} (optional)`}
          error={error("link")}
          hint="An http(s) address, like the article on EUR-Lex."
        >
          {(props) => (
            <TextInput
              {...props}
              type="url"
              invalid={Boolean(error("link"))}
              value={question.link}
              onChange={(e) => onChange({ link: e.target.value })}
            />
          )}
        </Field>
      </div>
      {hasChoices(question.type) && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Choices of question {n}</legend>
          {question.choices.map((choice, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a choice's value is what the admin edits.
            <div key={c} className="grid items-start gap-2 sm:grid-cols-[12rem_1fr_auto]">
              <Field label={`Value of choice ${c + 1} of question ${n}`} error={error(`choices.${c}.value`)}>
                {(props) => (
                  <TextInput
                    {...props}
                    invalid={Boolean(error(`choices.${c}.value`))}
                    value={choice.value}
                    onChange={(e) => setChoice(c, { value: e.target.value })}
                  />
                )}
              </Field>
              <Field label={`Label of choice ${c + 1} of question ${n}`} error={error(`choices.${c}.label`)}>
                {(props) => (
                  <TextInput
                    {...props}
                    invalid={Boolean(error(`choices.${c}.label`))}
                    value={choice.label}
                    onChange={(e) => setChoice(c, { label: e.target.value })}
                  />
                )}
              </Field>
              <Button
                variant="ghost"
                className="self-end"
                onClick={() => onChange({ choices: question.choices.filter((_, i) => i !== c) })}
              >
                Remove choice {c + 1}
                <span className="sr-only"> of question {n}</span>
              </Button>
            </div>
          ))}
          {error("choices") && <p className="text-sm text-rose-600">{error("choices")}</p>}
          <Button
            variant="secondary"
            onClick={() => onChange({ choices: [...question.choices, { value: "", label: "" }] })}
          >
            Add a choice<span className="sr-only"> to question {n}</span>
          </Button>
        </fieldset>
      )}
      <div className="flex flex-wrap gap-2">
        <Button variant="ghost" disabled={index === 0} onClick={() => onMove(-1)}>
          Move up<span className="sr-only"> question {n}</span>
        </Button>
        <Button variant="ghost" disabled={index === count - 1} onClick={() => onMove(1)}>
          Move down<span className="sr-only"> question {n}</span>
        </Button>
        <Button variant="ghost" onClick={onRemove}>
          Remove question {n}
        </Button>
      </div>
    </fieldset>
  );
}
