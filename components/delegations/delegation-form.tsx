"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { formatDay } from "@/lib/dates";
import { setMyDelegationAction } from "@/server/actions/delegations";
import type { MyDelegation } from "@/server/delegations/my-delegation";

type Person = { id: string; name: string };

/**
 * The user's out-of-office delegate: who votes in their place, from when to when. Saving replaces
 * the current delegation; "End delegation" ends it now.
 */
export function DelegationForm({ current, candidates }: { current: MyDelegation; candidates: Person[] }) {
  const [state, setState] = useState(current);
  const [delegateId, setDelegateId] = useState(current.delegation?.delegate.id ?? "");
  const [from, setFrom] = useState(current.delegation?.from ?? "");
  const [to, setTo] = useState(current.delegation?.to ?? "");
  const [saved, setSaved] = useState<string | null>(null);
  const { pending, errors, message, run } = useSubmit<MyDelegation>((data) => setState(data));

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    if (await run(() => setMyDelegationAction({ delegateId: delegateId || "", from, to })))
      setSaved("Delegation saved.");
  }
  async function end() {
    setSaved(null);
    if (await run(() => setMyDelegationAction({ delegateId: null }))) {
      setDelegateId("");
      setFrom("");
      setTo("");
      setSaved("Delegation ended.");
    }
  }
  const mine = state.delegation;
  return (
    <div className="max-w-lg space-y-3">
      <p className="text-sm text-slate-600" data-testid="delegation-status">
        {mine
          ? `${mine.delegate.name} votes in your place from ${formatDay(mine.from)} to ${formatDay(mine.to)}${mine.inForce ? " (in force now)" : ""}.`
          : "No delegate: nobody votes in your place."}
      </p>
      {state.actingFor.length > 0 && (
        <p className="text-sm text-slate-600">
          You stand in today for {state.actingFor.map((d) => d.user.name).join(", ")}.
        </p>
      )}
      {candidates.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody else holds your role yet, so there is no one to delegate to.</p>
      ) : (
        <form onSubmit={save} className="space-y-3" aria-label="Out-of-office delegate" noValidate>
          <Field label="Delegate" error={errors.delegateId} hint="Someone with your role, who is active.">
            {(props) => (
              <Select {...props} value={delegateId} onChange={(e) => setDelegateId(e.target.value)}>
                <option value="">Choose a colleague…</option>
                {candidates.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div className="grid grid-cols-2 gap-2">
            <Field label="First day away" error={errors.from}>
              {(props) => <TextInput {...props} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
            </Field>
            <Field label="Last day away" error={errors.to}>
              {(props) => <TextInput {...props} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
            </Field>
          </div>
          {message && (
            <p role="alert" className="text-sm text-rose-700">
              {message}
            </p>
          )}
          {saved && (
            <p role="status" className="text-sm text-emerald-700">
              {saved}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save delegation"}
            </Button>
            {mine && (
              <Button variant="secondary" onClick={end} disabled={pending}>
                End delegation
              </Button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
