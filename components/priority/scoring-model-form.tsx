"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { type Criterion, SCORE_LEVELS, type ScoringModelDefinition } from "@/lib/priority-score";
import { updateScoringModelAction } from "@/server/actions/priority";
import type { ScoringModelDto } from "@/server/priority/scoring-model";

type Draft = Omit<Criterion, "weight"> & { weight: string };

const DERIVED_LABELS = {
  "": "Scored by people",
  EBITDA_BASE: "From base EBITDA (bands)",
  RISK_TIER: "From the risk tier",
};

/** The model's criteria (weight, inverted, derived, guidance per level) and the EBITDA bands; a save is a new version. */
export function ScoringModelForm({ model, rice }: { model: ScoringModelDto; rice: ScoringModelDefinition }) {
  const toDraft = (criteria: Criterion[]) => criteria.map((c) => ({ ...c, weight: String(c.weight) }));
  const [formula, setFormula] = useState(model.formula);
  const [criteria, setCriteria] = useState<Draft[]>(toDraft(model.criteria));
  const [bands, setBands] = useState(model.ebitdaBands);
  const [version, setVersion] = useState(model.version);
  const { pending, errors, message, run } = useSubmit<ScoringModelDto>((saved) => setVersion(saved.version));
  const [saved, setSaved] = useState(false);
  const change = (index: number, patch: Partial<Draft>) =>
    setCriteria(criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const ok = await run(() =>
      updateScoringModelAction({ formula, criteria, ebitdaBands: bands, expectedVersion: version }),
    );
    setSaved(ok);
  }
  function applyRicePreset() {
    setFormula("RICE");
    setCriteria(toDraft(rice.criteria));
  }
  return (
    <form onSubmit={submit} className="space-y-6" aria-label="Scoring model" noValidate>
      <p className="text-sm text-slate-600">
        Version {version} · formula {formula === "RICE" ? "RICE (reach × impact × confidence ÷ effort)" : "weighted"}.{" "}
        {formula === "WEIGHTED" && (
          <Button type="button" variant="ghost" onClick={applyRicePreset}>
            Use the RICE preset
          </Button>
        )}
      </p>
      {criteria.map((c, index) => (
        <fieldset key={c.key} className="space-y-3 rounded-lg border border-slate-200 bg-surface p-4">
          <legend className="px-1 font-medium">{c.label || `Criterion ${index + 1}`}</legend>
          <div className="grid gap-3 sm:grid-cols-4">
            <Field label={`Name of criterion ${index + 1}`} error={errors[`criteria.${index}.label`]}>
              {(props) => (
                <TextInput {...props} value={c.label} onChange={(e) => change(index, { label: e.target.value })} />
              )}
            </Field>
            <Field
              label={`Weight of ${c.label || `criterion ${index + 1}`}`}
              error={errors[`criteria.${index}.weight`]}
            >
              {(props) => (
                <TextInput
                  {...props}
                  inputMode="numeric"
                  value={c.weight}
                  disabled={formula === "RICE"}
                  onChange={(e) => change(index, { weight: e.target.value })}
                />
              )}
            </Field>
            <Field
              label={`Source of ${c.label || `criterion ${index + 1}`}`}
              error={errors[`criteria.${index}.derivedFrom`]}
            >
              {(props) => (
                <Select
                  {...props}
                  value={c.derivedFrom ?? ""}
                  onChange={(e) => change(index, { derivedFrom: (e.target.value || null) as Criterion["derivedFrom"] })}
                >
                  {Object.entries(DERIVED_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <label className="flex items-center gap-2 self-end pb-2 text-sm">
              <input
                type="checkbox"
                checked={c.inverted}
                onChange={(e) => change(index, { inverted: e.target.checked })}
              />
              Higher is worse (inverted)
            </label>
          </div>
          <div className="grid gap-3 sm:grid-cols-5">
            {SCORE_LEVELS.map((score) => ({ level: score - 1, text: c.guidance[score - 1] ?? "" })).map(
              ({ level, text }) => (
                <Field
                  key={level}
                  label={`${c.label || `Criterion ${index + 1}`}: level ${level + 1}`}
                  error={errors[`criteria.${index}.guidance.${level}`]}
                >
                  {(props) => (
                    <TextInput
                      {...props}
                      value={text}
                      onChange={(e) =>
                        change(index, { guidance: c.guidance.map((g, i) => (i === level ? e.target.value : g)) })
                      }
                    />
                  )}
                </Field>
              ),
            )}
          </div>
        </fieldset>
      ))}
      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-surface p-4">
        <legend className="px-1 font-medium">Base EBITDA bands (for a value derived from EBITDA)</legend>
        <div className="grid gap-3 sm:grid-cols-4">
          {[2, 3, 4, 5]
            .map((score, i) => ({ score, i, band: bands[i] ?? "" }))
            .map(({ score, i, band }) => (
              <Field key={score} label={`Scores ${score} from`} error={errors[`ebitdaBands.${i}`]}>
                {(props) => (
                  <TextInput
                    {...props}
                    inputMode="decimal"
                    value={band}
                    onChange={(e) => setBands(bands.map((b, j) => (j === i ? e.target.value : b)))}
                  />
                )}
              </Field>
            ))}
        </div>
        {errors.ebitdaBands && <p className="text-sm text-rose-700">{errors.ebitdaBands}</p>}
      </fieldset>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save as a new version"}
        </Button>
        {saved && (
          <p role="status" className="text-sm text-emerald-700">
            Saved as version {version}. The ranks are recomputed.
          </p>
        )}
      </div>
      {(message || errors.criteria) && (
        <p role="alert" className="text-sm text-rose-700">
          {errors.criteria ?? message}
        </p>
      )}
    </form>
  );
}
