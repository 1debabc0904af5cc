"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { linkModelAction } from "@/server/actions/registry";

/** Link a registered model of a connected registry to the use case. */
export function LinkModelForm({
  useCaseKey,
  registries,
}: {
  useCaseKey: string;
  registries: { id: string; name: string }[];
}) {
  const [values, setValues] = useState({ registryId: registries[0]?.id ?? "", modelName: "" });
  const { pending, errors, message, run } = useSubmit(() => setValues((v) => ({ ...v, modelName: "" })));
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => linkModelAction(useCaseKey, values));
  }
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-start gap-3"
      aria-label="Link a registered model"
      noValidate
    >
      <Field label="Registry" error={errors.registryId}>
        {(props) => (
          <Select
            {...props}
            value={values.registryId}
            onChange={(e) => setValues({ ...values, registryId: e.target.value })}
          >
            {registries.map((registry) => (
              <option key={registry.id} value={registry.id}>
                {registry.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="min-w-64 flex-1">
        <Field label="Registered model name" error={errors.modelName} hint="As in the registry, e.g. churn-model.">
          {(props) => (
            <TextInput
              {...props}
              value={values.modelName}
              onChange={(e) => setValues({ ...values, modelName: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? "Linking…" : "Link model"}
        </Button>
      </div>
      {message && (
        <p role="alert" className="w-full text-sm text-rose-700">
          {message}
        </p>
      )}
    </form>
  );
}
