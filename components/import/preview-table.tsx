import { Cell, ColumnHeader, DataTable } from "@/components/ui/table";
import type { ImportResult, RowAction } from "@/lib/import/result";
import { ROLE_LABELS } from "@/lib/lifecycle";

const ACTION_LABELS: Record<RowAction, string> = {
  create: "Create",
  update: "Update",
  unchanged: "Unchanged",
  error: "Error",
};
const ACTION_CLASSES: Record<RowAction, string> = {
  create: "bg-emerald-50 text-emerald-800",
  update: "bg-sky-50 text-sky-800",
  unchanged: "bg-slate-100 text-slate-700",
  error: "bg-red-50 text-red-800",
};

/** One line per row of the file: what the import does with it, and why not when it cannot. */
export function PreviewTable({ result }: { result: ImportResult }) {
  return (
    <DataTable
      caption="What the import does with each row"
      className="max-h-[28rem] overflow-auto"
      stickyHead
      head={
        <>
          <ColumnHeader>Line</ColumnHeader>
          <ColumnHeader>Action</ColumnHeader>
          <ColumnHeader>Use case</ColumnHeader>
          <ColumnHeader>What to fix</ColumnHeader>
        </>
      }
    >
      {result.rows.map((row) => (
        <tr key={row.line}>
          <Cell className="tabular-nums">{row.line}</Cell>
          <Cell>
            <span className={`rounded px-2 py-0.5 text-xs font-medium ${ACTION_CLASSES[row.action]}`}>
              {ACTION_LABELS[row.action]}
            </span>
          </Cell>
          <Cell>{row.key ?? "—"}</Cell>
          <Cell>
            {row.errors?.length ? (
              <ul className="space-y-0.5">
                {row.errors.map((error) => (
                  <li key={`${error.column}:${error.message}`}>
                    <span className="font-medium">{error.column}:</span> {error.message}
                  </li>
                ))}
              </ul>
            ) : row.invites?.length ? (
              <ul className="space-y-0.5 text-slate-700">
                {row.invites.map((invite) => (
                  <li key={invite.email}>
                    User will be invited: {invite.email} ({ROLE_LABELS[invite.role]}, inactive)
                  </li>
                ))}
              </ul>
            ) : (
              ""
            )}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}

export function summaryOf(result: ImportResult, done: boolean): string {
  const parts = done
    ? [`${result.created} created`, `${result.updated} updated`, `${result.unchanged} unchanged`]
    : [`${result.created} to create`, `${result.updated} to update`, `${result.unchanged} unchanged`];
  if (result.failed) parts.push(`${result.failed} with errors${done ? " (not imported)" : ""}`);
  if (result.invited)
    parts.push(`${result.invited} ${result.invited === 1 ? "user" : "users"} ${done ? "invited" : "to invite"}`);
  return parts.join(", ");
}
