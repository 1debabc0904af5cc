"use client";
import { type FormEvent, useState } from "react";
import { EnvironmentOptions, KindOptions } from "@/components/services/service-options";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
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

function EditService({ service, onClose }: { service: ServiceDto; onClose: () => void }) {
  const [values, setValues] = useState({
    name: service.name,
    kind: service.kind,
    environment: service.environment,
    url: service.url,
  });
  const { pending, errors, message, run } = useSubmit(() => onClose());
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => updateServiceAction(service.id, { ...values, version: service.version }));
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
      <Field label="Kind" error={errors.kind}>
        {(props) => (
          <Select
            {...props}
            value={values.kind}
            onChange={(e) => setValues({ ...values, kind: e.target.value as typeof values.kind })}
          >
            <KindOptions />
          </Select>
        )}
      </Field>
      <Field label="Environment" error={errors.environment}>
        {(props) => (
          <Select
            {...props}
            value={values.environment}
            onChange={(e) => setValues({ ...values, environment: e.target.value as typeof values.environment })}
          >
            <EnvironmentOptions />
          </Select>
        )}
      </Field>
      <Field label="Address" error={errors.url}>
        {(props) => (
          <TextInput {...props} value={values.url} onChange={(e) => setValues({ ...values, url: e.target.value })} />
        )}
      </Field>
      {message && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-4">
          {message}
        </p>
      )}
      <div className="flex gap-2 sm:col-span-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
