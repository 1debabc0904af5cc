"use client";
import type { ReactNode } from "react";
import { EnvironmentOptions, KindOptions } from "@/components/services/service-options";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { Environment, ServiceKind } from "@/lib/services";

type Errors = Record<string, string>;

type SelectProps<V extends string> = { error?: string; value: V; onChange: (value: V) => void };

function ServiceSelect<V extends string>({
  label,
  error,
  value,
  onChange,
  children,
}: SelectProps<V> & { label: string; children: ReactNode }) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <Select {...props} value={value} onChange={(e) => onChange(e.target.value as V)}>
          {children}
        </Select>
      )}
    </Field>
  );
}

/** The kind of a service, in the add and the edit form. */
export function KindField(props: SelectProps<ServiceKind>) {
  return (
    <ServiceSelect label="Kind" {...props}>
      <KindOptions />
    </ServiceSelect>
  );
}

/** The environment of a service, in the add and the edit form. */
export function EnvironmentField(props: SelectProps<Environment>) {
  return (
    <ServiceSelect label="Environment" {...props}>
      <EnvironmentOptions />
    </ServiceSelect>
  );
}

/**
 * A Jenkins service's job and user, in the add and the edit form; `children` is the form's API
 * token field (the edit form's keeps or forgets a stored token).
 */
export function JenkinsJobFieldset<J extends { jenkinsJob: string; jenkinsUser: string }>({
  className,
  errors,
  job,
  onChange,
  children,
}: {
  className: string;
  errors: Errors;
  job: J;
  onChange: (job: J) => void;
  children: ReactNode;
}) {
  return (
    <fieldset className={className}>
      <legend className="mb-1 text-sm font-medium text-slate-700">
        Jenkins job (optional): its last build shows beside the health
      </legend>
      <Field label="Job" error={errors.jenkinsJob} hint="As in its URL, folders with slashes: team/churn-deploy.">
        {(props) => (
          <TextInput
            {...props}
            value={job.jenkinsJob}
            onChange={(e) => onChange({ ...job, jenkinsJob: e.target.value })}
          />
        )}
      </Field>
      <Field label="Jenkins user" error={errors.jenkinsUser}>
        {(props) => (
          <TextInput
            {...props}
            autoComplete="off"
            value={job.jenkinsUser}
            onChange={(e) => onChange({ ...job, jenkinsUser: e.target.value })}
          />
        )}
      </Field>
      {children}
    </fieldset>
  );
}
