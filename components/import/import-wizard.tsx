"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ImportField, ImportMapping } from "@/lib/import/fields";
import type { ImportResult } from "@/lib/import/result";
import { rememberedMapping, rememberMapping, sendImport, XLSX_TYPE } from "./import-request";
import { MappingTable } from "./mapping-table";
import { PreviewTable, summaryOf } from "./preview-table";

type FileData = { name: string; bytes: ArrayBuffer };
type State =
  | { step: "empty" }
  | { step: "busy"; message: string; preview?: ImportResult }
  | { step: "preview"; preview: ImportResult }
  | { step: "done"; result: ImportResult };

/**
 * Upload a CSV or XLSX file (and choose the sheet), check the column mapping and the preview, then
 * import. `canInvite` (an admin): offer to create unknown owners and sponsors as inactive users.
 */
export function ImportWizard({ canInvite = false }: { canInvite?: boolean }) {
  const [file, setFile] = useState<FileData | null>(null);
  const [inviteMissingUsers, setInviteMissingUsers] = useState(false);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [state, setState] = useState<State>({ step: "empty" });
  const [error, setError] = useState<string | null>(null);
  const [rejectedUrl, setRejectedUrl] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const preview = state.step === "preview" || state.step === "busy" ? state.preview : undefined;

  useEffect(() => () => void (rejectedUrl && URL.revokeObjectURL(rejectedUrl)), [rejectedUrl]);

  async function runPreview(
    data: FileData,
    chosen: ImportMapping,
    fresh: boolean,
    inSheet: string | undefined,
    invite = inviteMissingUsers,
  ) {
    setError(null);
    setState({ step: "busy", message: "Reading the file and checking every row…", preview });
    const answer = await sendImport(data, {
      mapping: chosen,
      dryRun: true,
      skipInvalid: false,
      sheet: inSheet,
      inviteMissingUsers: invite,
    });
    if (!answer.ok) {
      setError(answer.message);
      setState(preview ? { step: "preview", preview } : { step: "empty" });
      return;
    }
    const headers = answer.result.columns.map((c) => c.header);
    const remembered = fresh ? rememberedMapping(headers) : null;
    if (remembered && Object.keys(remembered).length) {
      setMapping(remembered);
      return runPreview(data, remembered, false, inSheet, invite);
    }
    setState({ step: "preview", preview: answer.result });
  }

  async function chooseFile(chosen: File | undefined) {
    if (!chosen) return;
    const data = { name: chosen.name, bytes: await chosen.arrayBuffer() };
    setFile(data);
    setMapping({});
    setRejectedUrl(null);
    await runPreview(data, {}, true, undefined);
  }

  async function changeSheet(name: string) {
    if (!file) return;
    setMapping({});
    await runPreview(file, {}, true, name);
  }

  async function changeMapping(header: string, field: ImportField | null) {
    if (!file || !preview) return;
    const next = { ...mapping, [header]: field };
    setMapping(next);
    rememberMapping(
      preview.columns.map((c) => c.header),
      next,
    );
    await runPreview(file, next, false, preview.sheet);
  }

  async function changeInvite(invite: boolean) {
    setInviteMissingUsers(invite);
    if (file) await runPreview(file, mapping, false, preview?.sheet, invite);
  }

  async function commit() {
    if (!file || !preview) return;
    setError(null);
    setState({ step: "busy", message: "Importing…", preview });
    const answer = await sendImport(file, {
      mapping,
      dryRun: false,
      skipInvalid,
      sheet: preview.sheet,
      inviteMissingUsers,
    });
    if (!answer.ok) {
      setError(answer.message);
      setState({ step: "preview", preview: answer.result ?? preview });
      return;
    }
    if (answer.result.rejectedCsv)
      setRejectedUrl(URL.createObjectURL(new Blob([answer.result.rejectedCsv], { type: "text/csv" })));
    setState({ step: "done", result: answer.result });
  }

  function reset() {
    setFile(null);
    setMapping({});
    setState({ step: "empty" });
    setError(null);
    if (input.current) input.current.value = "";
  }

  const writable = preview ? preview.created + preview.updated : 0;
  const blocked = preview ? preview.failed > 0 && !skipInvalid : true;

  return (
    <div className="space-y-6">
      <section aria-labelledby="import-file" className="rounded-lg border border-slate-200 bg-surface p-5">
        <h2 id="import-file" className="text-lg font-medium">
          1. Choose the file
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          An Excel workbook (.xlsx) or a CSV file (UTF-8; comma, semicolon or tab separated), up to 10 MB and 20,000
          rows, with a header row. In a workbook you choose the sheet; numbers, dates and formulas are read as the cells
          show their values. Older .xls files and password-protected workbooks: save them as .xlsx first. The use-case
          list&apos;s <em>Export CSV</em> re-imports as it is.
        </p>
        <label htmlFor="import-file-input" className="mt-3 block text-sm font-medium">
          Spreadsheet file (XLSX or CSV)
        </label>
        <input
          ref={input}
          id="import-file-input"
          type="file"
          accept={`.xlsx,${XLSX_TYPE},.csv,text/csv`}
          className="mt-1 block text-sm"
          disabled={state.step === "busy"}
          onChange={(event) => chooseFile(event.target.files?.[0])}
        />
        {canInvite && (
          <label className="mt-4 flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={inviteMissingUsers}
              disabled={state.step === "busy"}
              onChange={(event) => changeInvite(event.target.checked)}
            />
            <span>
              Invite missing users
              <span className="block text-slate-600">
                An owner or sponsor email nobody has yet becomes a new user, inactive until you activate them in Admin →
                Users: a data scientist when named as an owner, otherwise a business user.
              </span>
            </span>
          </label>
        )}
      </section>

      <div aria-live="polite" className="text-sm">
        {state.step === "busy" && <p className="text-slate-600">{state.message}</p>}
      </div>
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}

      {state.step === "done" ? (
        <section aria-labelledby="import-done" className="rounded-lg border border-emerald-200 bg-emerald-50 p-5">
          <h2 id="import-done" className="text-lg font-medium">
            Imported
          </h2>
          <p className="mt-1 text-sm" role="status">
            {summaryOf(state.result, true)}.
          </p>
          {rejectedUrl && (
            <p className="mt-2 text-sm">
              <a href={rejectedUrl} download="rejected-rows.csv" className="text-brand-700 underline">
                Download the rows not imported
              </a>{" "}
              (with an error column), fix them and import that file.
            </p>
          )}
          <div className="mt-4 flex gap-2">
            <Link href="/use-cases" className="text-sm text-brand-700 underline">
              See the use cases
            </Link>
            <Button variant="secondary" onClick={reset}>
              Import another file
            </Button>
          </div>
        </section>
      ) : (
        preview && (
          <>
            {preview.sheets && preview.sheets.length > 1 && (
              <section aria-labelledby="import-sheet" className="space-y-2">
                <h2 id="import-sheet" className="text-lg font-medium">
                  Sheet
                </h2>
                <p className="text-sm text-slate-600">
                  The workbook has {preview.sheets.length} sheets. The first is read unless you choose another.
                </p>
                <label htmlFor="import-sheet-select" className="block text-sm font-medium">
                  Sheet to import
                </label>
                <select
                  id="import-sheet-select"
                  className="rounded-md border border-slate-300 bg-surface px-2 py-1 text-sm"
                  value={preview.sheet ?? preview.sheets[0]}
                  disabled={state.step === "busy"}
                  onChange={(event) => changeSheet(event.target.value)}
                >
                  {preview.sheets.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </section>
            )}
            <section aria-labelledby="import-mapping" className="space-y-3">
              <h2 id="import-mapping" className="text-lg font-medium">
                2. Check the columns
              </h2>
              <p className="text-sm text-slate-600">
                Columns are matched by their header. Change any of them, or ignore a column; this browser remembers your
                choice for files with the same headers.
              </p>
              <MappingTable columns={preview.columns} disabled={state.step === "busy"} onChange={changeMapping} />
            </section>
            <section aria-labelledby="import-preview" className="space-y-3">
              <h2 id="import-preview" className="text-lg font-medium">
                3. Preview
              </h2>
              <p className="text-sm" role="status">
                {file?.name}
                {preview.sheet && preview.sheets && preview.sheets.length > 1 ? ` (sheet ${preview.sheet})` : ""}:{" "}
                {summaryOf(preview, false)}. Nothing is saved until you import.
              </p>
              <PreviewTable result={preview} />
              <div className="flex flex-wrap items-center gap-4">
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={skipInvalid}
                    onChange={(event) => setSkipInvalid(event.target.checked)}
                  />
                  Skip the rows with errors (import the others)
                </label>
                <Button onClick={commit} disabled={state.step === "busy" || writable === 0 || blocked}>
                  Import {writable} {writable === 1 ? "row" : "rows"}
                </Button>
              </div>
              {preview.failed > 0 && !skipInvalid && (
                <p className="text-sm text-slate-600">
                  Fix the rows with errors in your file and choose it again, or tick &ldquo;Skip the rows with
                  errors&rdquo;. Without it, all rows are imported or none.
                </p>
              )}
              {writable === 0 && preview.failed === 0 && (
                <p className="text-sm text-slate-600">Every row is already up to date: there is nothing to import.</p>
              )}
            </section>
          </>
        )
      )}
    </div>
  );
}
