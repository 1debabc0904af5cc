"use client";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { RISK_TIER_LABELS } from "@/lib/risk-screening";
import { RULE_TIERS } from "@/lib/validation/risk-template";
import { type Condition, conditionFields, conditionsFor, type QuestionDraft, type RuleDraft } from "./template-draft";

type Props = {
  rule: RuleDraft;
  index: number;
  questions: readonly QuestionDraft[];
  errors: Record<string, string>;
  onChange: (patch: Partial<RuleDraft>) => void;
  onRemove: () => void;
};

const CONDITION_LABELS: Record<Condition, string> = { equals: "is", includesAnyOf: "includes any of" };

/** One rule: when the answer to a question is a value (or includes some choices), the tier and why. */
export function RuleEditor({ rule, index, questions, errors, onChange, onRemove }: Props) {
  const n = index + 1;
  const error = (field: string) => errors[`rules.${index}.${field}`];
  const question = questions.find((q) => q.id === rule.question);
  const conditions = conditionsFor(question?.type);
  const includesError = Object.entries(errors).find(([path]) => path.startsWith(`rules.${index}.includesAnyOf`))?.[1];
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-surface p-4">
      <legend className="px-1 font-medium">Rule {n}</legend>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <Field label={`Question of rule ${n}`} error={error("question")}>
          {(props) => (
            <Select
              {...props}
              invalid={Boolean(error("question"))}
              value={question ? rule.question : ""}
              onChange={(e) => {
                const next = questions.find((q) => q.id === e.target.value);
                onChange({ question: e.target.value, ...conditionFields(next, rule.condition) });
              }}
            >
              {!question && (
                <option value="">{rule.question ? `Unknown question “${rule.question}”` : "Choose"}</option>
              )}
              {questions.map((q, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat while being edited.
                <option key={`${q.id}-${i}`} value={q.id}>
                  {i + 1}. {q.text || q.id}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={`Condition of rule ${n}`}>
          {(props) => (
            <Select
              {...props}
              value={rule.condition}
              onChange={(e) => onChange(conditionFields(question, e.target.value as Condition))}
            >
              {conditions.map((condition) => (
                <option key={condition} value={condition}>
                  {CONDITION_LABELS[condition]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {rule.condition === "equals" ? (
        <Field label={`Answer of rule ${n}`} error={error("equals")}>
          {(props) =>
            question?.type === "yes-no" ? (
              <Select {...props} value={rule.equals} onChange={(e) => onChange({ equals: e.target.value })}>
                <option value="true">Yes</option>
                <option value="false">No</option>
              </Select>
            ) : question?.type === "choice" ? (
              <Select
                {...props}
                invalid={Boolean(error("equals"))}
                value={rule.equals}
                onChange={(e) => onChange({ equals: e.target.value })}
              >
                {!question.choices.some((c) => c.value === rule.equals) && <option value={rule.equals}>Choose</option>}
                {question.choices.map((choice, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: values may repeat while being edited.
                  <option key={c} value={choice.value}>
                    {choice.label || choice.value}
                  </option>
                ))}
              </Select>
            ) : (
              <TextInput
                {...props}
                invalid={Boolean(error("equals"))}
                value={rule.equals}
                onChange={(e) => onChange({ equals: e.target.value })}
              />
            )
          }
        </Field>
      ) : (
        <fieldset className="space-y-1" aria-invalid={Boolean(includesError)}>
          <legend className="text-sm font-medium text-slate-700">Choices of rule {n} (any of them)</legend>
          {(question?.choices ?? []).map((choice, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: values may repeat while being edited.
            <label key={c} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5"
                checked={rule.includesAnyOf.includes(choice.value)}
                onChange={(e) =>
                  onChange({
                    includesAnyOf: e.target.checked
                      ? [...rule.includesAnyOf, choice.value]
                      : rule.includesAnyOf.filter((value) => value !== choice.value),
                  })
                }
              />
              <span>{choice.label || choice.value}</span>
            </label>
          ))}
          {includesError && <p className="text-sm text-rose-600">{includesError}</p>}
        </fieldset>
      )}
      <div className="grid gap-3 sm:grid-cols-[1fr_2fr]">
        <Field label={`Tier of rule ${n}`} error={error("tier")}>
          {(props) => (
            <Select
              {...props}
              value={rule.tier}
              onChange={(e) => onChange({ tier: e.target.value as RuleDraft["tier"] })}
            >
              {RULE_TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {RISK_TIER_LABELS[tier]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={`Reason of rule ${n}`} error={error("reason")} hint="Shown with the tier, in plain words.">
          {(props) => (
            <TextInput
              {...props}
              invalid={Boolean(error("reason"))}
              value={rule.reason}
              onChange={(e) => onChange({ reason: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Button variant="ghost" onClick={onRemove}>
        Remove rule {n}
      </Button>
    </fieldset>
  );
}
