"use client";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale } from "@/components/locale-context";
import { Button } from "@/components/ui/button";
import { BENEFIT_AREA_LABELS } from "@/lib/lifecycle";
import { formatMoney } from "@/lib/money";
import type { EditableUseCase } from "./use-case-editor";
import type { Person } from "./use-case-form";

// The form loads when Edit is clicked, so the page's first load carries no form validation code.
const UseCaseEditor = dynamic(() => import("./use-case-editor").then((m) => m.UseCaseEditor), {
  loading: () => <p className="text-sm text-slate-500">Opening the form…</p>,
});

type UseCase = EditableUseCase;

/** The use case's fields, edited in place by those allowed (optimistic version check). */
export function UseCaseDetail({
  useCase: initial,
  people,
  canEdit,
}: {
  useCase: UseCase;
  people: Person[];
  canEdit: boolean;
}) {
  const locale = useLocale();
  const money = (value: string | null | undefined, currency: string) => formatMoney(value, currency, locale);
  const router = useRouter();
  const [useCase, setUseCase] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (editing) {
    return (
      <UseCaseEditor
        useCase={useCase}
        people={people}
        onSaved={(updated) => {
          setUseCase(updated);
          setEditing(false);
          setSaved(true);
          router.refresh();
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }

  return (
    <div className="space-y-6">
      {saved && (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-4 py-2 text-sm text-green-800">
          Saved.
        </p>
      )}
      <div className="flex items-start justify-between gap-4">
        <p className="max-w-3xl whitespace-pre-line text-slate-700">
          {useCase.summary || <span className="text-slate-500">No summary yet.</span>}
        </p>
        {canEdit && (
          <Button
            variant="secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit
          </Button>
        )}
      </div>
      <dl className="grid gap-4 md:grid-cols-2">
        <Item label="Output" hint="What the model predicts">
          {useCase.output}
        </Item>
        <Item label="Outcome" hint="Why it matters">
          {useCase.outcome}
        </Item>
        <Item label="POC result">{useCase.pocResult}</Item>
        <Item label="Benefit area">{useCase.benefitArea ? BENEFIT_AREA_LABELS[useCase.benefitArea] : ""}</Item>
        <Item label="EBITDA per year">
          {useCase.ebitda.base
            ? `Low ${money(useCase.ebitda.low, useCase.ebitda.currency)} · Base ${money(useCase.ebitda.base, useCase.ebitda.currency)} · High ${money(useCase.ebitda.high, useCase.ebitda.currency)}`
            : ""}
        </Item>
        <Item label="People">
          {`Owner: ${useCase.owner?.name ?? "—"} · Sponsor: ${useCase.sponsor?.name ?? "none yet"}`}
        </Item>
      </dl>
    </div>
  );
}

function Item({ label, hint, children }: { label: string; hint?: string; children: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-surface p-4">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">
        {label}
        {hint && <span className="ml-1 normal-case tracking-normal text-slate-500">({hint})</span>}
      </dt>
      <dd className="mt-1 whitespace-pre-line text-sm text-slate-900">
        {children || <span className="text-slate-500">Not filled in yet</span>}
      </dd>
    </div>
  );
}
