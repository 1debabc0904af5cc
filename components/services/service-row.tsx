"use client";
import { type FormEvent, useState } from "react";
import { EnvironmentField, JenkinsJobFieldset, KindField } from "@/components/services/service-fields";
import { Button } from "@/components/ui/button";
import { EditActions } from "@/components/ui/edit-actions";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { ENVIRONMENT_LABELS } from "@/lib/services";
import { checkServiceAction, deleteServiceAction, updateServiceAction } from "@/server/actions/services";
import type { ServiceDto } from "@/server/services/service-dto";
import { BuildBadge, HealthBadge, HealthDetail, Sparkline } from "./health";
import { KindIcon } from "./kind-icon";

/** One service: open it, check it now, and (for those who manage services) edit or remove it. */
export function ServiceRow({
  service,
  canManage,
  showUseCase = false,
}: {
  service: ServiceDto;
  canManage: boolean;
  showUseCase?: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const check = useSubmit();
  const remove = useSubmit();
  return (
    <li className="py-3" aria-label={service.name}>
      <div className="flex flex-wrap items-center gap-3">
        <KindIcon kind={service.kind} />
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-slate-900">
            {service.name}{" "}
            <span className="font-normal text-slate-500">
              · {ENVIRONMENT_LABELS[service.environment]}
              {showUseCase && (
                <>
                  {" "}
                  ·{" "}
                  <a href={`/use-cases/${service.useCaseKey}#services`} className="underline">
                    {service.useCaseKey}
                  </a>
                </>
              )}
            </span>
          </p>
          <p className="truncate text-xs text-slate-500">{service.url}</p>
          <HealthDetail health={service.health} />
          {service.build?.reason && (
            <span className="block text-xs text-slate-600">
              Jenkins {service.build.job}: {service.build.reason}
            </span>
          )}
        </div>
        <Sparkline history={service.history} />
        <HealthBadge health={service.health} />
        {service.build && <BuildBadge build={service.build} />}
        <a
          href={service.url}
          target="_blank"
          rel="noreferrer noopener"
          className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50"
          aria-label={`Open ${service.name}`}
        >
          Open
        </a>
        <Button
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          disabled={check.pending}
          onClick={() => check.run(() => checkServiceAction(service.id))}
        >
          {/* The accessible name starts with the visible text (WCAG 2.5.3, label in name). */}
          {check.pending ? "Checking…" : "Check now"}
          <span className="sr-only"> {service.name}</span>
        </Button>
        {canManage && !editing && (
          <>
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              aria-label={`Edit ${service.name}`}
              onClick={() => setEditing(true)}
            >
              Edit
            </Button>
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              aria-label={`Remove ${service.name}`}
              disabled={remove.pending}
              onClick={() => {
                if (window.confirm(`Remove ${service.name}? Its health history goes with it.`))
                  remove.run(() => deleteServiceAction(service.id));
              }}
            >
              Remove
            </Button>
          </>
        )}
      </div>
      {(check.message || remove.message) && (
        <p role="alert" className="mt-1 text-sm text-rose-700">
          {check.message ?? remove.message}
        </p>
      )}
      {editing && <EditService service={service} onClose={() => setEditing(false)} />}
    </li>
  );
}

/**
 * Edit a service: its name, kind, environment and address, and a Jenkins service's job, user and
 * API token (never shown: an empty field keeps the stored one). The input is kept on errors;
 * when someone else saved first, the form says so and offers a reload.
 */
function EditService({ service, onClose }: { service: ServiceDto; onClose: () => void }) {
  const [values, setValues] = useState({
    name: service.name,
    kind: service.kind,
    environment: service.environment,
    url: service.url,
  });
  const [job, setJob] = useState({
    jenkinsJob: service.build?.job ?? "",
    jenkinsUser: service.build?.user ?? "",
    jenkinsToken: "",
    forgetToken: false,
  });
  // The version the form was filled from: a refresh arriving while it is open must not make
  // stale input look current (it gets the 409 instead).
  const [version] = useState(service.version);
  const [conflict, setConflict] = useState(false);
  const { pending, errors, message, run } = useSubmit(() => onClose(), { onConflict: () => setConflict(true) });
  const hasToken = Boolean(service.build?.hasToken);
  async function submit(event: FormEvent) {
    event.preventDefault();
    // A Jenkins service sends its job fields (empty: none); a token only when one is typed or forgotten.
    const jenkins =
      values.kind === "JENKINS"
        ? {
            jenkinsJob: job.jenkinsJob.trim() || null,
            jenkinsUser: job.jenkinsUser.trim() || null,
            ...(job.jenkinsToken.trim()
              ? { jenkinsToken: job.jenkinsToken }
              : job.forgetToken || (hasToken && !job.jenkinsJob.trim())
                ? { jenkinsToken: null }
                : {}),
          }
        : {};
    setConflict(false);
    await run(() => updateServiceAction(service.id, { ...values, ...jenkins, version }));
  }
  return (
    <form
      onSubmit={submit}
      className="mt-2 grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-4"
      aria-label={`Edit ${service.name}`}
      noValidate
    >
      <Field label="Name" error={errors.name}>
        {(props) => (
          <TextInput {...props} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />
        )}
      </Field>
      <KindField error={errors.kind} value={values.kind} onChange={(kind) => setValues({ ...values, kind })} />
      <EnvironmentField
        error={errors.environment}
        value={values.environment}
        onChange={(environment) => setValues({ ...values, environment })}
      />
      <Field label="Address" error={errors.url}>
        {(props) => (
          <TextInput {...props} value={values.url} onChange={(e) => setValues({ ...values, url: e.target.value })} />
        )}
      </Field>
      {values.kind === "JENKINS" && (
        <JenkinsJobFieldset
          className="grid gap-3 sm:col-span-4 sm:grid-cols-3"
          errors={errors}
          job={job}
          onChange={setJob}
        >
          <div className="space-y-1">
            <Field
              label={hasToken ? "New API token" : "API token"}
              error={errors.jenkinsToken}
              hint={
                hasToken
                  ? "A token is stored (encrypted, never shown): leave empty to keep it."
                  : "Stored encrypted; never shown again."
              }
            >
              {(props) => (
                <TextInput
                  {...props}
                  type="password"
                  autoComplete="new-password"
                  disabled={job.forgetToken}
                  value={job.jenkinsToken}
                  onChange={(e) => setJob({ ...job, jenkinsToken: e.target.value })}
                />
              )}
            </Field>
            {hasToken && (
              <label className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={job.forgetToken}
                  onChange={(e) => setJob({ ...job, forgetToken: e.target.checked, jenkinsToken: "" })}
                />
                Forget the stored token
              </label>
            )}
          </div>
        </JenkinsJobFieldset>
      )}
      <EditActions message={message} conflict={conflict} pending={pending} onClose={onClose} span="sm:col-span-4" />
    </form>
  );
}
