"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { REGISTRY_AUTH_LABELS, REGISTRY_AUTHS } from "@/lib/validation/toolchain";
import { createRegistryAction } from "@/server/actions/registry";

/** Connect a model registry (MLflow). The input is kept on errors; the secret is never shown again. */
export function RegistryForm() {
  const empty = { name: "", baseUrl: "", auth: "NONE", username: "", secret: "", verifyTls: true };
  const [values, setValues] = useState(empty);
  const { pending, errors, message, run } = useSubmit(() => setValues(empty));
  async function submit(event: FormEvent) {
    event.preventDefault();
    const { username, secret, ...rest } = values;
    await run(() =>
      createRegistryAction({
        ...rest,
        ...(values.auth === "BASIC" ? { username } : {}),
        ...(values.auth !== "NONE" ? { secret } : {}),
      }),
    );
  }
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" aria-label="Connect a model registry" noValidate>
      <Field label="Name" error={errors.name} hint="How people will pick it, e.g. “MLflow production”.">
        {(props) => (
          <TextInput {...props} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />
        )}
      </Field>
      <Field
        label="Base URL"
        error={errors.baseUrl}
        hint="The MLflow tracking server; a private address must be allowed in Settings."
      >
        {(props) => (
          <TextInput
            {...props}
            type="url"
            placeholder="https://mlflow.example.com"
            value={values.baseUrl}
            onChange={(e) => setValues({ ...values, baseUrl: e.target.value })}
          />
        )}
      </Field>
      <Field label="Authentication" error={errors.auth}>
        {(props) => (
          <Select {...props} value={values.auth} onChange={(e) => setValues({ ...values, auth: e.target.value })}>
            {REGISTRY_AUTHS.map((auth) => (
              <option key={auth} value={auth}>
                {REGISTRY_AUTH_LABELS[auth]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {values.auth === "BASIC" && (
        <Field label="User name" error={errors.username}>
          {(props) => (
            <TextInput
              {...props}
              autoComplete="off"
              value={values.username}
              onChange={(e) => setValues({ ...values, username: e.target.value })}
            />
          )}
        </Field>
      )}
      {values.auth !== "NONE" && (
        <Field
          label={values.auth === "BEARER" ? "Token" : "Password"}
          error={errors.secret}
          hint="Encrypted at rest; never shown again."
        >
          {(props) => (
            <TextInput
              {...props}
              type="password"
              autoComplete="new-password"
              value={values.secret}
              onChange={(e) => setValues({ ...values, secret: e.target.value })}
            />
          )}
        </Field>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
        <input
          type="checkbox"
          checked={values.verifyTls}
          onChange={(e) => setValues({ ...values, verifyTls: e.target.checked })}
        />
        Verify the server&apos;s TLS certificate (turn off only for a self-signed test server)
      </label>
      {message && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-2">
          {message}
        </p>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Connecting…" : "Connect registry"}
        </Button>
      </div>
    </form>
  );
}
