"use client";
import { Cell, ColumnHeader, DataTable, RowHeader } from "@/components/ui/table";
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
    <DataTable
      caption="Columns of the file and the field each one fills"
      head={
        <>
          <ColumnHeader>Column in the file</ColumnHeader>
          <ColumnHeader>Imported as</ColumnHeader>
        </>
      }
    >
      {columns.map((column, index) => {
        // Columns never move: the file's order is the key (two columns may share a header).
        const id = `mapping-${index}`;
        return (
          <tr key={id}>
            <RowHeader>
              <label htmlFor={id}>{column.header || `(column ${index + 1}, no header)`}</label>
            </RowHeader>
            <Cell>
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
            </Cell>
          </tr>
        );
      })}
    </DataTable>
  );
}
