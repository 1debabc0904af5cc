"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { SetupSchema } from "@/lib/validation/auth";
import { setupAction } from "@/server/actions/setup";

export function SetupForm() {
  const [values, setValues] = useState({ setupCode: "", name: "", email: "", password: "" });
  const {
    pending,
    errors,
    message,
    submit: send,
  } = useSubmit(() => window.location.assign("/login"), {
    refresh: false,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(SetupSchema, values, setupAction);
  }

  const bind = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {message && (
        <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {message}
        </div>
      )}
      <Field
        label="Setup code"
        error={errors.setupCode}
        hint="Printed in the server's log when it started; npm start also writes it to .data/setup-code."
      >
        {(a) => <TextInput {...a} autoComplete="one-time-code" {...bind("setupCode")} invalid={a["aria-invalid"]} />}
      </Field>
      <Field label="Name" error={errors.name}>
        {(a) => <TextInput {...a} autoComplete="name" {...bind("name")} invalid={a["aria-invalid"]} />}
      </Field>
      <Field label="Email" error={errors.email}>
        {(a) => (
          <TextInput {...a} type="email" autoComplete="username" {...bind("email")} invalid={a["aria-invalid"]} />
        )}
      </Field>
      <Field
        label="Password"
        error={errors.password}
        hint="At least 12 characters, hard to guess: not a common password, nor your name or email."
      >
        {(a) => (
          <TextInput
            {...a}
            type="password"
            autoComplete="new-password"
            {...bind("password")}
            invalid={a["aria-invalid"]}
          />
        )}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create admin account"}
      </Button>
    </form>
  );
}
