"use client";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { useLocale } from "@/components/locale-context";
import { Button } from "@/components/ui/button";
import { BENEFIT_AREA_LABELS } from "@/lib/lifecycle";
import { formatMoney } from "@/lib/money";
import { TagChips } from "./tag-chips";
import type { EditableUseCase } from "./use-case-editor";
import type { Person } from "./use-case-form";

// The form loads when Edit is clicked, so the page's first load carries no form validation code.
const UseCaseEditor = dynamic(() => import("./use-case-editor").then((m) => m.UseCaseEditor), {
  loading: () => <p className="text-sm text-slate-500">Opening the form…</p>,
});

type UseCase = EditableUseCase;

/**
 * The use case's fields, edited in place by those allowed (optimistic version check). Fields
 * others changed since the reader's last visit (`changedFields`, by their audit labels) are
 * marked "Changed".
 */
export function UseCaseDetail({
  useCase: initial,
  people,
  canEdit,
  changedFields = [],
}: {
  useCase: UseCase;
  people: Person[];
  canEdit: boolean;
  changedFields?: string[];
}) {
  const changed = (...labels: string[]) => labels.some((label) => changedFields.includes(label));
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
          {changed("Summary") && <ChangedMark />}
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
        <Item label="Output" hint="What the model predicts" changed={changed("Output")}>
          {useCase.output}
        </Item>
        <Item label="Outcome" hint="Why it matters" changed={changed("Outcome")}>
          {useCase.outcome}
        </Item>
        <Item label="POC result" changed={changed("POC result")}>
          {useCase.pocResult}
        </Item>
        <Item label="Benefit area" changed={changed("Benefit area")}>
          {useCase.benefitArea ? BENEFIT_AREA_LABELS[useCase.benefitArea] : ""}
        </Item>
        <Item label="EBITDA per year" changed={changed("EBITDA", "EBITDA low", "EBITDA base", "EBITDA high")}>
          {useCase.ebitda.base
            ? `Low ${money(useCase.ebitda.low, useCase.ebitda.currency)} · Base ${money(useCase.ebitda.base, useCase.ebitda.currency)} · High ${money(useCase.ebitda.high, useCase.ebitda.currency)}`
            : ""}
        </Item>
        <Item label="People" changed={changed("Owner", "Sponsor")}>
          {`Owner: ${useCase.owner?.name ?? "—"} · Sponsor: ${useCase.sponsor?.name ?? "none yet"}`}
        </Item>
        <Item label="Tags" changed={changed("Tags")}>
          {useCase.tags?.length ? <TagChips tags={useCase.tags} className="" /> : ""}
        </Item>
      </dl>
    </div>
  );
}

/** Marks a field others changed since the reader's last visit (the panel above lists them). */
function ChangedMark() {
  return (
    <span className="mr-2 inline-block rounded-full bg-amber-100 px-2 py-0.5 align-middle text-xs font-medium normal-case tracking-normal text-amber-900">
      Changed<span className="sr-only"> since your last visit</span>
    </span>
  );
}

function Item({
  label,
  hint,
  changed = false,
  children,
}: {
  label: string;
  hint?: string;
  changed?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`rounded-lg border bg-surface p-4 ${changed ? "border-amber-400" : "border-slate-200"}`}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">
        {changed && <ChangedMark />}
        {label}
        {hint && <span className="ml-1 normal-case tracking-normal text-slate-500">({hint})</span>}
      </dt>
      <dd className="mt-1 whitespace-pre-line text-sm text-slate-900">
        {children || <span className="text-slate-500">Not filled in yet</span>}
      </dd>
    </div>
  );
}
