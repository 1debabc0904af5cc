"use client";
import { TextArea } from "@/components/ui/field";
import type { Answer, Question } from "@/lib/risk-screening";

type Props = {
  question: Question;
  value: Answer | undefined;
  error?: string;
  disabled: boolean;
  onChange: (value: Answer) => void;
};

/** One question of the screening, as a fieldset: radios, checkboxes or a text box, with its help and legal text. */
export function QuestionField({ question, value, error, disabled, onChange }: Props) {
  const id = `q-${question.id}`;
  const describedBy =
    [question.help ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const legend = (
    <legend className="text-sm font-medium text-slate-800">
      {question.text}
      {question.required ? "" : " (optional)"}
    </legend>
  );
  const help = (
    <p id={`${id}-help`} className="text-xs text-slate-600">
      {question.help}{" "}
      {question.link && (
        <a href={question.link} target="_blank" rel="noreferrer" className="text-brand-700 underline">
          Read the legal text<span className="sr-only"> (opens in a new tab)</span>
        </a>
      )}
    </p>
  );
  const errorLine = error ? (
    <p id={`${id}-error`} className="text-sm text-rose-600">
      {error}
    </p>
  ) : null;

  if (question.type === "text")
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {question.text}
          {question.required ? "" : " (optional)"}
        </label>
        {question.help && help}
        <TextArea
          id={id}
          rows={2}
          value={typeof value === "string" ? value : ""}
          disabled={disabled}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
        {errorLine}
      </div>
    );

  const options =
    question.type === "yes-no"
      ? [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]
      : question.choices;
  const multi = question.type === "multi-choice";
  const chosen = (option: string) =>
    question.type === "yes-no"
      ? value === (option === "yes")
      : multi
        ? Array.isArray(value) && value.includes(option)
        : value === option;
  const pick = (option: string, checked: boolean) => {
    if (question.type === "yes-no") return onChange(option === "yes");
    if (!multi) return onChange(option);
    const current = Array.isArray(value) ? value : [];
    if (!checked) return onChange(current.filter((v) => v !== option));
    // "None of these" goes alone.
    onChange(option === "none" ? ["none"] : [...current.filter((v) => v !== "none"), option]);
  };
  return (
    <fieldset className="space-y-1" aria-describedby={describedBy} aria-invalid={Boolean(error)} disabled={disabled}>
      {legend}
      {question.help && help}
      <div className={question.type === "yes-no" ? "flex gap-4" : "space-y-1"}>
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type={multi ? "checkbox" : "radio"}
              name={id}
              value={option.value}
              checked={chosen(option.value)}
              onChange={(e) => pick(option.value, e.target.checked)}
              className="mt-0.5"
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {errorLine}
    </fieldset>
  );
}
