"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { ANSWER_TYPES, SERVICE_KIND_LABELS, SERVICE_KINDS } from "@/lib/checklist-templates";
import { STAGE_LABELS } from "@/lib/lifecycle";
import { updateTemplateAction } from "@/server/actions/checklists";
import type { TemplateDto, TemplateItemDto } from "@/server/checklists/manage-templates";

type Row = Omit<TemplateItemDto, "options" | "key"> & { key?: string; options: string };

const toRow = (item: TemplateItemDto): Row => ({ ...item, options: item.options.join(", ") });

/** ADMIN: edit a stage's template; saving makes the next version. Answered items can be retired, not removed. */
export function TemplateEditor({ template }: { template: TemplateDto }) {
  const [rows, setRows] = useState<Row[]>(template.items.map(toRow));
  const [saved, setSaved] = useState<number | null>(null);
  const { pending, errors, message, run } = useSubmit<TemplateDto>((result) => {
    setSaved(result.version);
    setRows(result.items.map(toRow));
  });
  const title = `${STAGE_LABELS[template.stage]} checklist`;

  const update = (index: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: number) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    await run(() =>
      updateTemplateAction(template.stage, {
        expectedVersion: template.version,
        items: rows.map((row) => ({
          ...(row.key ? { key: row.key } : {}),
          section: row.section,
          label: row.label,
          answerType: row.answerType,
          options:
            row.answerType === "CHOICE"
              ? row.options
                  .split(",")
                  .map((option) => option.trim())
                  .filter(Boolean)
              : [],
          evidenceKind: row.evidenceKind || null,
          retired: row.retired,
        })),
      }),
    );
  }

  const error = (index: number, field: string) => errors[`items.${index}.${field}`];
  return (
    <form onSubmit={submit} aria-label={`Edit the ${title.toLowerCase()} template`} className="space-y-4" noValidate>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{title} items</caption>
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="p-2">
                Section
              </th>
              <th scope="col" className="p-2">
                Item
              </th>
              <th scope="col" className="p-2">
                Answer
              </th>
              <th scope="col" className="p-2">
                Options (comma-separated)
              </th>
              <th scope="col" className="p-2">
                Evidence from
              </th>
              <th scope="col" className="p-2">
                Retired
              </th>
              <th scope="col" className="p-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: new rows have no key until saved.
              <tr key={`${row.key ?? "new"}-${index}`} className={`align-top ${row.retired ? "opacity-60" : ""}`}>
                <td className="p-2">
                  <TextInput
                    aria-label={`Section of item ${index + 1}`}
                    className="min-w-[9rem]"
                    invalid={Boolean(error(index, "section"))}
                    value={row.section}
                    onChange={(e) => update(index, { section: e.target.value })}
                  />
                  {error(index, "section") && <p className="text-xs text-rose-600">{error(index, "section")}</p>}
                </td>
                <td className="p-2">
                  <TextInput
                    aria-label={`Label of item ${index + 1}`}
                    className="min-w-[18rem]"
                    invalid={Boolean(error(index, "label"))}
                    value={row.label}
                    onChange={(e) => update(index, { label: e.target.value })}
                  />
                  {error(index, "label") && <p className="text-xs text-rose-600">{error(index, "label")}</p>}
                </td>
                <td className="p-2">
                  <Select
                    aria-label={`Answer of item ${index + 1}`}
                    value={row.answerType}
                    onChange={(e) => update(index, { answerType: e.target.value })}
                  >
                    {ANSWER_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {type === "NONE" ? "Tick only" : type === "CHOICE" ? "Choice" : "Text"}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className="p-2">
                  <TextInput
                    aria-label={`Options of item ${index + 1}`}
                    disabled={row.answerType !== "CHOICE"}
                    invalid={Boolean(error(index, "options"))}
                    value={row.answerType === "CHOICE" ? row.options : ""}
                    onChange={(e) => update(index, { options: e.target.value })}
                  />
                  {error(index, "options") && <p className="text-xs text-rose-600">{error(index, "options")}</p>}
                </td>
                <td className="p-2">
                  <Select
                    aria-label={`Evidence service of item ${index + 1}`}
                    value={row.evidenceKind ?? ""}
                    onChange={(e) => update(index, { evidenceKind: e.target.value || null })}
                  >
                    <option value="">None</option>
                    {SERVICE_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {SERVICE_KIND_LABELS[kind]}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className="p-2 text-center">
                  <input
                    type="checkbox"
                    aria-label={`Retire item ${index + 1}`}
                    checked={row.retired}
                    onChange={(e) => update(index, { retired: e.target.checked })}
                  />
                </td>
                <td className="whitespace-nowrap p-2">
                  <Button
                    variant="ghost"
                    className="px-2"
                    aria-label={`Move item ${index + 1} up`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="ghost"
                    className="px-2"
                    aria-label={`Move item ${index + 1} down`}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    variant="ghost"
                    className="px-2"
                    aria-label={`Remove item ${index + 1}`}
                    title={row.answered ? "Answered in running checklists: retire it instead" : undefined}
                    disabled={row.answered}
                    onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                  >
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.items && <p className="text-sm text-rose-600">{errors.items}</p>}
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      {saved && (
        <p role="status" className="text-sm text-emerald-700">
          Saved as version {saved}. Use cases entering the stage from now on get it; running checklists keep theirs.
        </p>
      )}
      <div className="flex gap-2">
        <Button
          variant="secondary"
          onClick={() =>
            setRows((current) => [
              ...current,
              {
                section: current.at(-1)?.section ?? "",
                label: "",
                answerType: "NONE",
                options: "",
                evidenceKind: null,
                retired: false,
                answered: false,
              },
            ])
          }
        >
          Add an item
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : `Save as version ${template.version + 1}`}
        </Button>
      </div>
    </form>
  );
}
