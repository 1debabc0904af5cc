"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { GATE_LIMITS } from "@/lib/validation/gate-limits";
import { requestGateAction } from "@/server/actions/gates";

/** The owner's request for the next gate's review: a note and evidence links (one per line). */
export function RequestGateForm({ useCaseKey, gateName }: { useCaseKey: string; gateName: string }) {
  const [note, setNote] = useState("");
  const [links, setLinks] = useState("");
  const [release, setRelease] = useState({ commit: "", modelName: "", modelVersion: "" });
  const { pending, errors, message, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const evidenceUrls = links
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    // Only what was filled in: each part of the release is optional.
    const filled = Object.fromEntries(Object.entries(release).filter(([, value]) => value.trim() !== ""));
    const ok = await run(() => requestGateAction(useCaseKey, { note, evidenceUrls, ...filled }));
    if (ok) {
      setNote("");
      setLinks("");
      setRelease({ commit: "", modelName: "", modelVersion: "" });
    }
  }

  const linkError = Object.entries(errors).find(([path]) => path.startsWith("evidenceUrls"))?.[1];
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Request the gate review" noValidate>
      <Field label="Note to the deciders" error={errors.note} hint="What you ask them to decide, and what changed.">
        {(props) => (
          <TextArea
            {...props}
            rows={3}
            maxLength={GATE_LIMITS.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <Field label="Evidence links" error={linkError} hint="One address per line: results, dashboards, notebooks.">
        {(props) => (
          <TextArea
            {...props}
            rows={2}
            value={links}
            onChange={(e) => setLinks(e.target.value)}
            placeholder="https://wiki.example.com/poc-results"
          />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Commit (optional)" error={errors.commit} hint="The SHA or tag to approve, e.g. a1b2c3d.">
          {(props) => (
            <TextInput
              {...props}
              value={release.commit}
              onChange={(e) => setRelease({ ...release, commit: e.target.value })}
            />
          )}
        </Field>
        <Field label="Model (optional)" error={errors.modelName} hint="A linked model; empty for the only one.">
          {(props) => (
            <TextInput
              {...props}
              value={release.modelName}
              onChange={(e) => setRelease({ ...release, modelName: e.target.value })}
            />
          )}
        </Field>
        <Field label="Model version (optional)" error={errors.modelVersion} hint="The registry's version, e.g. 7.">
          {(props) => (
            <TextInput
              {...props}
              inputMode="numeric"
              value={release.modelVersion}
              onChange={(e) => setRelease({ ...release, modelVersion: e.target.value })}
            />
          )}
        </Field>
      </div>
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Requesting…" : `Request review: ${gateName}`}
      </Button>
    </form>
  );
}
