"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import {
  IMPACT_LABELS,
  LIKELIHOOD_LABELS,
  RISK_CATEGORIES,
  RISK_CATEGORY_LABELS,
  RISK_SCALE,
  RISK_STATUS_LABELS,
  RISK_STATUSES,
  type RiskCategory,
  type RiskStatus,
  riskScore,
} from "@/lib/risk-register";
import { createRiskAction, updateRiskAction } from "@/server/actions/risk";
import type { RiskEntryDto } from "@/server/risk/risk-entry-dto";

type Values = {
  title: string;
  category: RiskCategory;
  likelihood: number;
  impact: number;
  mitigation: string;
  ownerId: string;
  dueOn: string;
  status: RiskStatus;
  acceptanceRationale: string;
};

const EMPTY: Values = {
  title: "",
  category: "BIAS_FAIRNESS",
  likelihood: 3,
  impact: 3,
  mitigation: "",
  ownerId: "",
  dueOn: "",
  status: "OPEN",
  acceptanceRationale: "",
};

/**
 * Add a risk to the register, or edit one (with the version it was read at). Accepting asks
 * for the rationale; whether the user may accept is the server's call (it says so).
 */
export function RiskForm({
  useCaseKey,
  risk,
  people,
  onDone,
}: {
  useCaseKey: string;
  risk?: RiskEntryDto;
  people: { id: string; name: string }[];
  onDone?: () => void;
}) {
  const [values, setValues] = useState<Values>(
    risk
      ? {
          title: risk.title,
          category: risk.category,
          likelihood: risk.likelihood,
          impact: risk.impact,
          mitigation: risk.mitigation,
          ownerId: risk.owner?.id ?? "",
          dueOn: risk.dueOn ?? "",
          status: risk.status,
          acceptanceRationale: risk.acceptanceRationale,
        }
      : EMPTY,
  );
  const { pending, errors, message, run } = useSubmit(() => {
    if (!risk) setValues(EMPTY);
    onDone?.();
  });
  const set = <K extends keyof Values>(name: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      ...values,
      ownerId: values.ownerId || null,
      dueOn: values.dueOn || null,
      acceptanceRationale: values.status === "ACCEPTED" ? values.acceptanceRationale : "",
    };
    await run(() =>
      risk
        ? updateRiskAction(useCaseKey, risk.id, { ...input, version: risk.version })
        : createRiskAction(useCaseKey, input),
    );
  }

  return (
    <form
      onSubmit={submit}
      aria-label={risk ? `Edit the risk “${risk.title}”` : "Add a risk"}
      noValidate
      className="grid gap-3 sm:grid-cols-2"
    >
      <div className="sm:col-span-2">
        <Field label="Risk" error={errors.title} hint="What could go wrong, for whom.">
          {(props) => <TextInput {...props} value={values.title} onChange={(e) => set("title", e.target.value)} />}
        </Field>
      </div>
      <Field label="Category" error={errors.category}>
        {(props) => (
          <Select {...props} value={values.category} onChange={(e) => set("category", e.target.value as RiskCategory)}>
            {RISK_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {RISK_CATEGORY_LABELS[category]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Status" error={errors.status}>
        {(props) => (
          <Select {...props} value={values.status} onChange={(e) => set("status", e.target.value as RiskStatus)}>
            {RISK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {RISK_STATUS_LABELS[status]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Likelihood" error={errors.likelihood}>
        {(props) => (
          <Select {...props} value={values.likelihood} onChange={(e) => set("likelihood", Number(e.target.value))}>
            {RISK_SCALE.map((n) => (
              <option key={n} value={n}>
                {n}: {LIKELIHOOD_LABELS[n - 1]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Impact" error={errors.impact} hint={`Score: ${riskScore(values)} of 25.`}>
        {(props) => (
          <Select {...props} value={values.impact} onChange={(e) => set("impact", Number(e.target.value))}>
            {RISK_SCALE.map((n) => (
              <option key={n} value={n}>
                {n}: {IMPACT_LABELS[n - 1]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="sm:col-span-2">
        <Field label="Mitigation" error={errors.mitigation} hint="What reduces the likelihood or the impact.">
          {(props) => (
            <TextArea
              {...props}
              rows={2}
              value={values.mitigation}
              onChange={(e) => set("mitigation", e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="Owner" error={errors.ownerId}>
        {(props) => (
          <Select {...props} value={values.ownerId} onChange={(e) => set("ownerId", e.target.value)}>
            <option value="">Nobody yet</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Due date" error={errors.dueOn}>
        {(props) => (
          <TextInput {...props} type="date" value={values.dueOn} onChange={(e) => set("dueOn", e.target.value)} />
        )}
      </Field>
      {values.status === "ACCEPTED" && (
        <div className="sm:col-span-2">
          <Field
            label="Why it is accepted"
            error={errors.acceptanceRationale}
            hint="A risk officer, or the business owner or sponsor, accepts a risk."
          >
            {(props) => (
              <TextArea
                {...props}
                rows={2}
                value={values.acceptanceRationale}
                onChange={(e) => set("acceptanceRationale", e.target.value)}
              />
            )}
          </Field>
        </div>
      )}
      {message && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-2">
          {message}
        </p>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : risk ? "Save the risk" : "Add the risk"}
        </Button>
      </div>
    </form>
  );
}
