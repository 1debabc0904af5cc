"use client";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { DECISION_LABELS, DECISIONS, type Decision, STOP_REASON_LABELS, STOP_REASONS } from "@/lib/lifecycle";
import { GATE_LIMITS } from "@/lib/validation/gate-limits";
import { decideGateAction } from "@/server/actions/gates";

type Person = { id: string; name: string };

/** The id of the use-case page's decision form (one open review there). */
export const DECISION_FORM_ID = "decision-form";
const loadDecisionSchema = () => import("@/lib/validation/gate").then((m) => m.DecisionSchema);
type ConditionRow = { text: string; ownerId: string; dueOn: string };

const HINTS: Record<Decision, string> = {
  GO: "The use case moves to the next stage once every required decider agrees.",
  CONDITIONAL_GO: "It moves on, with conditions tracked until closed.",
  PAUSE: "The use case is paused until a new review is requested.",
  STOP: "The journey ends here; only an admin can reopen it.",
};

/** A decider's vote on an open review. Fields follow the decision chosen; nothing typed is lost on an error. */
export function DecisionForm({
  reviewId,
  people,
  ownerId,
  actingFor = [],
  formId,
}: {
  reviewId: string;
  /** An id for the form, where one review is decided on the page (the command palette focuses it). */
  formId?: string;
  people: Person[];
  ownerId: string;
  /** Absent colleagues whose delegation to the user is in force: the user may vote for one of them. */
  actingFor?: Person[];
}) {
  const groupId = useId();
  const [onBehalfOf, setOnBehalfOf] = useState("");
  const [decision, setDecision] = useState<Decision | "">("");
  const [rationale, setRationale] = useState("");
  const [conditions, setConditions] = useState<ConditionRow[]>([{ text: "", ownerId, dueOn: "" }]);
  const [revisitOn, setRevisitOn] = useState("");
  const [stopReason, setStopReason] = useState("");
  const { pending, errors, message, submit: send } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      decision,
      rationale,
      ...(decision === "CONDITIONAL_GO" ? { conditions } : {}),
      ...(decision === "PAUSE" ? { revisitOn } : {}),
      ...(decision === "STOP" && stopReason ? { stopReason } : {}),
      ...(onBehalfOf ? { onBehalfOf } : {}),
    };
    // The schema is loaded on first submit, so zod stays out of the inbox's first load.
    await send(loadDecisionSchema, input, (checked) => decideGateAction(reviewId, checked));
  }

  const setCondition = (index: number, patch: Partial<ConditionRow>) =>
    setConditions((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <form id={formId} onSubmit={submit} className="space-y-4" aria-label="Decide" noValidate>
      {actingFor.length > 0 && (
        <Field
          label="Vote as"
          error={errors.onBehalfOf}
          hint="You are the out-of-office delegate of these colleagues: your vote is recorded as yours for them."
        >
          {(props) => (
            <Select {...props} value={onBehalfOf} onChange={(e) => setOnBehalfOf(e.target.value)}>
              <option value="">Myself</option>
              {actingFor.map((person) => (
                <option key={person.id} value={person.id}>
                  For {person.name} (delegated)
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <fieldset>
        <legend id={groupId} className="text-sm font-medium text-slate-700">
          Your decision
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {DECISIONS.map((value) => (
            <div
              key={value}
              className={`flex items-start gap-2 rounded-md border p-3 text-sm ${decision === value ? "border-brand-500 bg-brand-50" : "border-slate-200 bg-surface"}`}
            >
              <input
                type="radio"
                id={`${groupId}-${value}`}
                name={`decision-${reviewId}`}
                value={value}
                checked={decision === value}
                onChange={() => setDecision(value)}
                aria-describedby={`${groupId}-${value}-hint`}
                className="mt-1"
              />
              <span>
                <label htmlFor={`${groupId}-${value}`} className="cursor-pointer font-medium text-slate-900">
                  {DECISION_LABELS[value]}
                </label>
                <span id={`${groupId}-${value}-hint`} className="block text-xs text-slate-500">
                  {HINTS[value]}
                </span>
              </span>
            </div>
          ))}
        </div>
        {errors.decision && <p className="mt-1 text-sm text-rose-600">{errors.decision}</p>}
      </fieldset>

      <Field
        label="Rationale"
        error={errors.rationale}
        hint="Why: the evidence you weighed. Everyone sees it on the timeline."
      >
        {(props) => (
          <TextArea
            {...props}
            rows={3}
            maxLength={GATE_LIMITS.rationale}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
          />
        )}
      </Field>

      {decision === "CONDITIONAL_GO" && (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-700">Conditions</legend>
          {errors.conditions && <p className="text-sm text-rose-600">{errors.conditions}</p>}
          {conditions.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved; order is stable.
            <div key={index} className="grid gap-2 sm:grid-cols-[1fr_12rem_10rem_auto] sm:items-end">
              <Field label={`Condition ${index + 1}`} error={errors[`conditions.${index}.text`]}>
                {(props) => (
                  <TextInput
                    {...props}
                    value={row.text}
                    onChange={(e) => setCondition(index, { text: e.target.value })}
                  />
                )}
              </Field>
              <Field label={`Owner of condition ${index + 1}`} error={errors[`conditions.${index}.ownerId`]}>
                {(props) => (
                  <Select
                    {...props}
                    value={row.ownerId}
                    onChange={(e) => setCondition(index, { ownerId: e.target.value })}
                  >
                    {people.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label={`Due date of condition ${index + 1}`} error={errors[`conditions.${index}.dueOn`]}>
                {(props) => (
                  <TextInput
                    {...props}
                    type="date"
                    value={row.dueOn}
                    onChange={(e) => setCondition(index, { dueOn: e.target.value })}
                  />
                )}
              </Field>
              <Button
                variant="ghost"
                aria-label={`Remove condition ${index + 1}`}
                disabled={conditions.length === 1}
                onClick={() => setConditions((rows) => rows.filter((_, i) => i !== index))}
              >
                Remove
              </Button>
            </div>
          ))}
          <Button
            variant="secondary"
            onClick={() => setConditions((rows) => [...rows, { text: "", ownerId, dueOn: "" }])}
          >
            Add a condition
          </Button>
        </fieldset>
      )}

      {decision === "PAUSE" && (
        <Field label="Revisit on" error={errors.revisitOn} hint="When the deciders should look at it again.">
          {(props) => (
            <TextInput {...props} type="date" value={revisitOn} onChange={(e) => setRevisitOn(e.target.value)} />
          )}
        </Field>
      )}

      {decision === "STOP" && (
        <Field label="Reason for stopping" error={errors.stopReason}>
          {(props) => (
            <Select {...props} value={stopReason} onChange={(e) => setStopReason(e.target.value)}>
              <option value="">Choose a reason</option>
              {STOP_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {STOP_REASON_LABELS[reason]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}

      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      <Button type="submit" disabled={pending} variant={decision === "STOP" ? "danger" : "primary"}>
        {pending ? "Recording…" : "Record decision"}
      </Button>
    </form>
  );
}
