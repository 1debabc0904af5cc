"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { controlClass } from "@/components/ui/field";
import { BENEFIT_AREA_LABELS, BENEFIT_AREAS } from "@/lib/lifecycle";
import { splitTags } from "@/lib/tag-text";
import type { BulkEditResult } from "@/lib/validation/bulk-edit";
import { bulkUpdateUseCasesAction } from "@/server/actions/use-cases";
import { useBulkSelection } from "./bulk-selection";

type Person = { name: string; email: string };

const CHANGES = {
  sponsorEmail: "Set sponsor",
  ownerEmail: "Set owner",
  benefitArea: "Set benefit area",
  addTags: "Add tags",
  removeTags: "Remove tags",
} as const;
type Change = keyof typeof CHANGES;

/**
 * What to do with the selected rows: set the owner, sponsor or benefit area, add or remove tags
 * (one bulk edit, checked row by row on the server), or export them as CSV. The outcome says how
 * many changed and names each row that was refused or saved by someone else meanwhile, and why.
 */
export function BulkBar({ people, filter }: { people: Person[]; filter: Record<string, string> }) {
  const router = useRouter();
  const { rows, total, selected, allMatching, setAllMatching, clear } = useBulkSelection();
  const id = useId();
  const [change, setChange] = useState<Change>("sponsorEmail");
  const [value, setValue] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<BulkEditResult | null>(null);

  const keys = rows.filter((row) => selected.has(row.key));
  const count = allMatching ? total : keys.length;
  const pageSelected = keys.length === rows.length && rows.length > 0;
  const exportQuery = new URLSearchParams(filter);
  if (!allMatching) exportQuery.set("keys", keys.map((row) => row.key).join(","));

  function payload() {
    const set =
      change === "addTags" || change === "removeTags"
        ? { [change]: splitTags(value) }
        : change === "benefitArea"
          ? { benefitArea: value === "" ? null : value }
          : { [change]: value === "" && change === "sponsorEmail" ? null : value };
    return allMatching
      ? { filter, set }
      : {
          keys: keys.map((row) => row.key),
          set,
          expectedVersions: Object.fromEntries(keys.map((row) => [row.key, row.version])),
        };
  }

  async function apply(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setResult(null);
    try {
      const answer = await bulkUpdateUseCasesAction(payload());
      if (!answer.ok) {
        setError(Object.values(answer.fieldErrors ?? {})[0] ?? answer.message);
        return;
      }
      setResult(answer.data);
      clear();
      router.refresh();
    } catch {
      setError("Could not reach the server. Nothing was changed by this click; try again.");
    } finally {
      setPending(false);
    }
  }

  const problems = result?.items.filter((item) => item.outcome === "refused" || item.outcome === "conflict") ?? [];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sr-only">
        Bulk edit
      </h2>
      <div
        className={
          count > 0 || result || error ? "space-y-3 rounded-lg border border-slate-200 bg-brand-50 p-4 text-sm" : ""
        }
      >
        {count > 0 && (
          <>
            <p className="flex flex-wrap items-center gap-2 text-slate-800">
              <span>
                {allMatching
                  ? `All ${total} use cases matching the filter are selected.`
                  : `${count} use case${count === 1 ? "" : "s"} selected on this page.`}
              </span>
              {pageSelected && !allMatching && total > rows.length && (
                <button
                  type="button"
                  className="font-medium text-brand-700 underline"
                  onClick={() => setAllMatching(true)}
                >
                  Select all {total} matching the filter
                </button>
              )}
              <button type="button" className="font-medium text-brand-700 underline" onClick={clear}>
                Clear the selection
              </button>
            </p>
            <form onSubmit={apply} className="flex flex-wrap items-end gap-3" aria-busy={pending}>
              <label className="text-sm">
                <span className="mb-1 block font-medium text-slate-700">Change</span>
                <select
                  className={controlClass(false)}
                  value={change}
                  onChange={(e) => {
                    setChange(e.target.value as Change);
                    setValue("");
                  }}
                >
                  {Object.entries(CHANGES).map(([name, label]) => (
                    <option key={name} value={name}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <div className="text-sm">
                <label htmlFor={`${id}-value`} className="mb-1 block font-medium text-slate-700">
                  {change === "addTags" || change === "removeTags" ? "Tags (comma-separated)" : "To"}
                </label>
                {change === "addTags" || change === "removeTags" ? (
                  <input
                    id={`${id}-value`}
                    className={controlClass(false)}
                    value={value}
                    onChange={(e) => setValue(e.target.value)}
                    placeholder="churn, retail"
                    required
                  />
                ) : (
                  <select
                    id={`${id}-value`}
                    className={controlClass(false)}
                    value={value}
                    onChange={(e) => setValue(e.target.value)}
                  >
                    {change === "benefitArea" ? (
                      <>
                        <option value="">Not decided yet</option>
                        {BENEFIT_AREAS.map((area) => (
                          <option key={area} value={area}>
                            {BENEFIT_AREA_LABELS[area]}
                          </option>
                        ))}
                      </>
                    ) : (
                      <>
                        <option value="">{change === "sponsorEmail" ? "No sponsor" : "Choose a person"}</option>
                        {people.map((person) => (
                          <option key={person.email} value={person.email}>
                            {person.name}
                          </option>
                        ))}
                      </>
                    )}
                  </select>
                )}
              </div>
              <Button type="submit" disabled={pending || (change === "ownerEmail" && value === "")}>
                {pending ? "Applying…" : `Apply to ${count}`}
              </Button>
              <a href={`/use-cases/export.csv?${exportQuery.toString()}`} className={buttonClass("secondary")} download>
                Export the selection as CSV
              </a>
            </form>
          </>
        )}
        <div role="status" aria-live="polite" className="space-y-1">
          {error && <p className="text-rose-700">{error}</p>}
          {result && (
            <>
              <p className="font-medium text-slate-900">
                {result.summary.updated} updated, {result.summary.unchanged} already so
                {result.summary.refused ? `, ${result.summary.refused} refused` : ""}
                {result.summary.conflict ? `, ${result.summary.conflict} changed by someone else meanwhile` : ""}.
              </p>
              {problems.length > 0 && (
                <ul className="list-disc space-y-0.5 pl-5 text-slate-700">
                  {problems.map((item) => (
                    <li key={item.key}>
                      <span className="font-mono">{item.key}</span>: {item.reason}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
