"use client";
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField } from "@/lib/import/fields";
import type { ColumnPlan } from "@/lib/import/result";

/** One line per column of the file: the field it goes into, or "Ignore". */
export function MappingTable({
  columns,
  disabled,
  onChange,
}: {
  columns: ColumnPlan[];
  disabled: boolean;
  onChange: (header: string, field: ImportField | null) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Columns of the file and the field each one fills</caption>
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">
              Column in the file
            </th>
            <th scope="col" className="px-4 py-2">
              Imported as
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {columns.map((column, index) => {
            // Columns never move: the file's order is the key (two columns may share a header).
            const id = `mapping-${index}`;
            return (
              <tr key={id}>
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  <label htmlFor={id}>{column.header || `(column ${index + 1}, no header)`}</label>
                </th>
                <td className="px-4 py-2">
                  <select
                    id={id}
                    className="rounded-md border border-slate-300 bg-surface px-2 py-1"
                    value={column.field ?? ""}
                    disabled={disabled}
                    onChange={(event) => onChange(column.header, (event.target.value || null) as ImportField | null)}
                  >
                    <option value="">Ignore this column</option>
                    {IMPORT_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {IMPORT_FIELD_LABELS[field]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
