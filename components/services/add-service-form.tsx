"use client";
import { type FormEvent, useState } from "react";
import { EnvironmentField, JenkinsJobFieldset, KindField } from "@/components/services/service-fields";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { type Environment, kindFromUrl, type ServiceKind } from "@/lib/services";
import { createServiceAction } from "@/server/actions/services";

/** Register one service; the kind follows the URL until the user picks one. */
export function AddServiceForm({ useCaseKey }: { useCaseKey: string }) {
  const [values, setValues] = useState({ name: "", url: "", environment: "PRODUCTION" as Environment, note: "" });
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
      <KindField error={errors.kind} value={shownKind} onChange={setKind} />
      <EnvironmentField
        error={errors.environment}
        value={values.environment}
        onChange={(environment) => setValues({ ...values, environment })}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add service"}
      </Button>
      {shownKind === "JENKINS" && (
        <JenkinsJobFieldset
          className="grid gap-3 sm:col-span-5 sm:grid-cols-3"
          errors={errors}
          job={job}
          onChange={setJob}
        >
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
        </JenkinsJobFieldset>
      )}
      {message && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-5">
          {message}
        </p>
      )}
    </form>
  );
}
