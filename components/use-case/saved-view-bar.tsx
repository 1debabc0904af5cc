"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState, useTransition } from "react";
import type { UseCaseColumn } from "@/lib/use-case-columns";
import { VIEW_NAME_MAX } from "@/lib/view-name";
import { createViewAction, deleteViewAction, updateViewAction } from "@/server/actions/views";
import type { SavedViewDto } from "@/server/views/saved-views";
import { Button } from "../ui/button";
import { controlClass } from "../ui/field";

type Props = {
  /** The saved view shown, or null for the plain list. */
  view: SavedViewDto | null;
  /** The list's filters and sort as shown now (normalised), and its columns. */
  query: string;
  columns: readonly UseCaseColumn[];
  canShare: boolean;
};

type Editing = { kind: "save" } | { kind: "rename" } | null;

/**
 * Saved views on the use-case list: save the filters, sort and columns shown under a name
 * (personal, or shared by ADMIN and BUSINESS); in one's own view, update it with what is shown,
 * rename or delete it; in any view, make it the landing view of the list.
 */
export function SavedViewBar({ view, query, columns, canShare }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const changed = view !== null && (view.query !== query || view.columns.join(",") !== columns.join(","));

  function run(task: () => Promise<void>) {
    setMessage(null);
    setStatus(null);
    startTransition(task);
  }

  const conflictOr = (result: { message: string; conflict?: unknown }) => {
    setMessage(result.message);
    if (result.conflict) router.refresh();
  };

  function updateWithCurrent() {
    if (!view) return;
    run(async () => {
      const result = await updateViewAction(view.id, { version: view.version, query, columns });
      if (!result.ok) return conflictOr(result);
      setStatus(`Saved the current filters and columns into ${result.data.name}.`);
      router.replace(result.data.href, { scroll: false });
      router.refresh();
    });
  }

  function toggleDefault() {
    if (!view) return;
    run(async () => {
      const result = await updateViewAction(view.id, { version: view.version, default: !view.isDefault });
      if (!result.ok) return conflictOr(result);
      setStatus(
        result.data.isDefault ? `Use cases now opens on ${result.data.name}.` : "Use cases now opens on all use cases.",
      );
      router.refresh();
    });
  }

  function remove() {
    if (!view || !window.confirm(`Delete the view ${view.name}?`)) return;
    run(async () => {
      const result = await deleteViewAction(view.id);
      if (!result.ok) return conflictOr(result);
      router.push("/use-cases?view=all");
      router.refresh();
    });
  }

  return (
    <section aria-label="Saved view" className="space-y-2 print:hidden">
      <div className="flex flex-wrap items-center gap-2">
        {view ? (
          <>
            <p className="text-sm text-slate-700">
              View: <span className="font-semibold text-slate-900">{view.name}</span>
              {view.shared && (
                <span className="ml-1 text-xs text-slate-600">(shared{view.mine ? "" : ` by ${view.owner.name}`})</span>
              )}
              {view.isDefault && <span className="ml-1 text-xs text-slate-600">· your landing view</span>}
              {changed && <span className="ml-1 text-xs text-amber-800">· changed, not saved</span>}
            </p>
            <Link href="/use-cases?view=all" className="text-sm text-brand-700 underline">
              All use cases
            </Link>
          </>
        ) : null}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {view?.mine && (
            <>
              <Button variant="secondary" onClick={updateWithCurrent} disabled={pending || !changed}>
                Update view
              </Button>
              <Button variant="ghost" onClick={() => setEditing({ kind: "rename" })} disabled={pending}>
                Rename
              </Button>
              <Button variant="ghost" onClick={remove} disabled={pending}>
                Delete view
              </Button>
            </>
          )}
          {view && (
            <Button variant="ghost" onClick={toggleDefault} disabled={pending}>
              {view.isDefault ? "Stop opening on this view" : "Open Use cases on this view"}
            </Button>
          )}
          <Button variant="secondary" onClick={() => setEditing({ kind: "save" })} disabled={pending}>
            Save view
          </Button>
        </div>
      </div>
      {editing && (
        <ViewNameForm
          key={editing.kind}
          title={editing.kind === "save" ? "Save view" : "Rename view"}
          initialName={editing.kind === "rename" && view ? view.name : ""}
          canShare={editing.kind === "save" && canShare}
          onCancel={() => setEditing(null)}
          onSubmit={async (name, shared) => {
            const result =
              editing.kind === "save"
                ? await createViewAction({ name, shared, query, columns })
                : view
                  ? await updateViewAction(view.id, { version: view.version, name })
                  : null;
            if (!result) return null;
            if (!result.ok) {
              if (result.conflict) router.refresh();
              return result.fieldErrors?.name ?? result.message;
            }
            setEditing(null);
            setStatus(
              editing.kind === "save" ? `Saved the view ${result.data.name}.` : `Renamed to ${result.data.name}.`,
            );
            // A new view opens at its own address; a rename keeps the filters shown (saved or not).
            if (editing.kind === "save") router.push(result.data.href, { scroll: false });
            router.refresh();
            return null;
          }}
        />
      )}
      <p role="status" className="text-sm text-slate-600">
        {status}
      </p>
      {message && (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-2 text-sm text-rose-800">
          {message}
        </p>
      )}
    </section>
  );
}

/** The name (and, on save, personal or shared) of a view; a refused name keeps what was typed. */
function ViewNameForm(props: {
  title: string;
  initialName: string;
  canShare: boolean;
  onCancel: () => void;
  onSubmit: (name: string, shared: boolean) => Promise<string | null>;
}) {
  const [name, setName] = useState(props.initialName);
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const nameId = useId();
  const errorId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(await props.onSubmit(name, shared));
    setPending(false);
  }

  return (
    <form
      onSubmit={submit}
      aria-label={props.title}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-surface p-3"
    >
      <div className="min-w-56 flex-1">
        <label htmlFor={nameId} className="mb-1 block text-sm font-medium text-slate-700">
          View name
        </label>
        <input
          id={nameId}
          value={name}
          maxLength={VIEW_NAME_MAX}
          required
          // biome-ignore lint/a11y/noAutofocus: the form opens on the user's click to type a name.
          autoFocus
          onChange={(event) => setName(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className={controlClass(Boolean(error))}
        />
        {error && (
          <p id={errorId} className="mt-1 text-sm text-rose-700">
            {error}
          </p>
        )}
      </div>
      {props.canShare && (
        <fieldset className="text-sm">
          <legend className="mb-1 font-medium text-slate-700">Who sees it</legend>
          <label className="mr-3 inline-flex items-center gap-1.5">
            <input type="radio" name="visibility" checked={!shared} onChange={() => setShared(false)} />
            Only me
          </label>
          <label className="inline-flex items-center gap-1.5">
            <input type="radio" name="visibility" checked={shared} onChange={() => setShared(true)} />
            Everyone (shared)
          </label>
        </fieldset>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {props.title}
        </Button>
        <Button variant="ghost" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
