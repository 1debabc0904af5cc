"use client";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { EnvironmentOptions, KindOptions } from "@/components/services/service-options";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import type { Environment, ServiceKind } from "@/lib/services";
import { previewComposeAction, saveServicesAction } from "@/server/actions/services";
import type { ProposedService } from "@/server/services/compose-import";

/** `id` is the compose service name, which stays stable while the user renames the link. */
type Row = ProposedService & { id: string; ticked: boolean; environment: Environment };

const MAX_BYTES = 1024 * 1024;

/** Paste or upload a docker-compose file, preview the proposed links, pick, rename, set the environment, save. */
export function ComposeImport({ useCaseKey }: { useCaseKey: string }) {
  const [text, setText] = useState("");
  const [baseUrl, setBaseUrl] = useState("");
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const preview = useSubmit<ProposedService[]>((services) =>
    setRows(services.map((s) => ({ ...s, id: s.name, ticked: s.proposed, environment: "PRODUCTION" }))),
  );
  const save = useSubmit<unknown[]>((created) => {
    setSaved(created.length);
    setRows(null);
    setText("");
  });

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      preview.setMessage("The compose file is larger than 1 MB.");
      return;
    }
    setText(await file.text());
  }

  async function submitPreview(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    await preview.run(() => previewComposeAction(useCaseKey, text, baseUrl));
  }

  const update = (index: number, patch: Partial<Row>) =>
    setRows((current) => current?.map((row, i) => (i === index ? { ...row, ...patch } : row)) ?? null);

  return (
    <div className="space-y-3">
      <form onSubmit={submitPreview} className="space-y-3" aria-label="Import from docker-compose" noValidate>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label="Base address"
            error={preview.errors.baseUrl}
            hint="Where the published ports are reachable, like http://ml-stack.example.com."
          >
            {(props) => (
              <TextInput
                {...props}
                value={baseUrl}
                onChange={(e) => setBaseUrl(e.target.value)}
                placeholder="http://"
              />
            )}
          </Field>
          <Field label="Upload a file" hint="docker-compose.yml, up to 1 MB">
            {(props) => (
              <input
                {...props}
                type="file"
                accept=".yml,.yaml,application/yaml,text/yaml"
                onChange={upload}
                className="text-sm"
              />
            )}
          </Field>
        </div>
        <Field label="docker-compose.yml" error={preview.errors.file}>
          {(props) => (
            <TextArea
              {...props}
              rows={8}
              className="font-mono text-xs"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        {preview.message && !preview.errors.file && !preview.errors.baseUrl && (
          <p role="alert" className="text-sm text-rose-700">
            {preview.message}
          </p>
        )}
        <Button type="submit" variant="secondary" disabled={preview.pending}>
          {preview.pending ? "Reading…" : "Preview the services"}
        </Button>
      </form>
      {saved != null && (
        <p role="status" className="text-sm text-emerald-700">
          Saved {saved} service{saved === 1 ? "" : "s"}.
        </p>
      )}
      {rows && (
        <form
          aria-label="Services to save"
          onSubmit={async (event) => {
            event.preventDefault();
            await save.run(() =>
              saveServicesAction(useCaseKey, {
                services: rows
                  .filter((row) => row.ticked)
                  .map((row) => ({ name: row.name, kind: row.kind, environment: row.environment, url: row.url ?? "" })),
              }),
            );
          }}
          className="space-y-3"
          noValidate
        >
          <table className="w-full text-sm">
            <caption className="sr-only">Services found in the compose file</caption>
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="p-1">
                  Save
                </th>
                <th scope="col" className="p-1">
                  Name
                </th>
                <th scope="col" className="p-1">
                  Kind
                </th>
                <th scope="col" className="p-1">
                  Environment
                </th>
                <th scope="col" className="p-1">
                  Address
                </th>
                <th scope="col" className="p-1">
                  Image
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.id} className="align-middle">
                  <td className="p-1">
                    <input
                      type="checkbox"
                      aria-label={`Save ${row.name}`}
                      checked={row.ticked}
                      disabled={!row.url}
                      onChange={(e) => update(index, { ticked: e.target.checked })}
                    />
                  </td>
                  <td className="p-1">
                    <TextInput
                      aria-label={`Name of ${row.name}`}
                      value={row.name}
                      onChange={(e) => update(index, { name: e.target.value })}
                    />
                    {save.errors[`services.${rows.filter((r) => r.ticked).indexOf(row)}.name`] && (
                      <p className="text-xs text-rose-600">
                        {save.errors[`services.${rows.filter((r) => r.ticked).indexOf(row)}.name`]}
                      </p>
                    )}
                  </td>
                  <td className="p-1">
                    <Select
                      aria-label={`Kind of ${row.name}`}
                      value={row.kind}
                      onChange={(e) => update(index, { kind: e.target.value as ServiceKind })}
                    >
                      <KindOptions />
                    </Select>
                  </td>
                  <td className="p-1">
                    <Select
                      aria-label={`Environment of ${row.name}`}
                      value={row.environment}
                      onChange={(e) => update(index, { environment: e.target.value as Environment })}
                    >
                      <EnvironmentOptions />
                    </Select>
                  </td>
                  <td className="p-1 text-xs text-slate-600">{row.url ?? "no published port"}</td>
                  <td className="p-1 font-mono text-xs text-slate-500">{row.image ?? "built locally"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {save.message && (
            <p role="alert" className="text-sm text-rose-700">
              {save.message}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" disabled={save.pending || !rows.some((row) => row.ticked)}>
              {save.pending ? "Saving…" : `Save ${rows.filter((row) => row.ticked).length} selected`}
            </Button>
            <Button variant="ghost" onClick={() => setRows(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
