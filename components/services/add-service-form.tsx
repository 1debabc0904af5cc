"use client";
import { type FormEvent, useState } from "react";
import { EnvironmentOptions, KindOptions } from "@/components/services/service-options";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { kindFromUrl, type ServiceKind } from "@/lib/services";
import { createServiceAction } from "@/server/actions/services";

/** Register one service; the kind follows the URL until the user picks one. */
export function AddServiceForm({ useCaseKey }: { useCaseKey: string }) {
  const [values, setValues] = useState({ name: "", url: "", environment: "PRODUCTION", note: "" });
  const noJob = { jenkinsJob: "", jenkinsUser: "", jenkinsToken: "" };
  const [job, setJob] = useState(noJob);
  const [kind, setKind] = useState<ServiceKind | null>(null);
  const { pending, errors, message, run } = useSubmit(() => {
    setValues({ name: "", url: "", environment: values.environment, note: "" });
    setJob(noJob);
    setKind(null);
  });
  const shownKind = kind ?? kindFromUrl(values.url);
  async function submit(event: FormEvent) {
    event.preventDefault();
    // A Jenkins service may name the job whose last build is shown beside its health.
    const jenkins =
      shownKind === "JENKINS" && job.jenkinsJob
        ? {
            jenkinsJob: job.jenkinsJob,
            ...(job.jenkinsUser ? { jenkinsUser: job.jenkinsUser } : {}),
            ...(job.jenkinsToken ? { jenkinsToken: job.jenkinsToken } : {}),
          }
        : {};
    await run(() => createServiceAction(useCaseKey, { ...values, kind: shownKind, ...jenkins }));
  }
  return (
    <form
      onSubmit={submit}
      className="grid gap-3 sm:grid-cols-[1fr_2fr_10rem_10rem_auto] sm:items-end"
      aria-label="Add a service"
      noValidate
    >
      <Field label="Name" error={errors.name}>
        {(props) => (
          <TextInput {...props} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />
        )}
      </Field>
      <Field label="Address" error={errors.url}>
        {(props) => (
          <TextInput
            {...props}
            type="url"
            placeholder="https://grafana.example.com/d/churn"
            value={values.url}
            onChange={(e) => setValues({ ...values, url: e.target.value })}
          />
        )}
      </Field>
      <Field label="Kind" error={errors.kind}>
        {(props) => (
          <Select {...props} value={shownKind} onChange={(e) => setKind(e.target.value as ServiceKind)}>
            <KindOptions />
          </Select>
        )}
      </Field>
      <Field label="Environment" error={errors.environment}>
        {(props) => (
          <Select
            {...props}
            value={values.environment}
            onChange={(e) => setValues({ ...values, environment: e.target.value })}
          >
            <EnvironmentOptions />
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add service"}
      </Button>
      {shownKind === "JENKINS" && (
        <fieldset className="grid gap-3 sm:col-span-5 sm:grid-cols-3">
          <legend className="mb-1 text-sm font-medium text-slate-700">
            Jenkins job (optional): its last build shows beside the health
          </legend>
          <Field label="Job" error={errors.jenkinsJob} hint="As in its URL, folders with slashes: team/churn-deploy.">
            {(props) => (
              <TextInput
                {...props}
                value={job.jenkinsJob}
                onChange={(e) => setJob({ ...job, jenkinsJob: e.target.value })}
              />
            )}
          </Field>
          <Field label="Jenkins user" error={errors.jenkinsUser}>
            {(props) => (
              <TextInput
                {...props}
                autoComplete="off"
                value={job.jenkinsUser}
                onChange={(e) => setJob({ ...job, jenkinsUser: e.target.value })}
              />
            )}
          </Field>
          <Field label="API token" error={errors.jenkinsToken} hint="Stored encrypted; never shown again.">
            {(props) => (
              <TextInput
                {...props}
                type="password"
                autoComplete="new-password"
                value={job.jenkinsToken}
                onChange={(e) => setJob({ ...job, jenkinsToken: e.target.value })}
              />
            )}
          </Field>
        </fieldset>
      )}
      {message && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-5">
          {message}
        </p>
      )}
    </form>
  );
}
