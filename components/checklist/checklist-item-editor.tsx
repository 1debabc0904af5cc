"use client";
import { type FormEvent, useState } from "react";
import { EditActions } from "@/components/ui/edit-actions";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { CHECK_FIELDS, useSubmit } from "@/components/ui/use-submit";
import { CHECKLIST_STATUS_LABELS, CHECKLIST_STATUSES, type ChecklistStatus } from "@/lib/checklist-templates";
import { itemAnswerIssues } from "@/lib/validation/checklist-rules";
import { updateChecklistItemAction } from "@/server/actions/checklists";
import type { ChecklistItemDto } from "@/server/checklists/checklist-dto";

/** Inline editor of one checklist item: status, structured answer, evidence link, note (the reason when N/A). */
export function ChecklistItemEditor({
  useCaseKey,
  item,
  people,
  onClose,
}: {
  useCaseKey: string;
  item: ChecklistItemDto;
  people: { id: string; name: string }[];
  onClose: () => void;
}) {
  const [status, setStatus] = useState<ChecklistStatus>(item.status);
  const [answer, setAnswer] = useState(item.answer ?? "");
  const [evidenceUrl, setEvidenceUrl] = useState(item.evidenceUrl ?? "");
  const [note, setNote] = useState(item.note ?? "");
  const [ownerId, setOwnerId] = useState(item.owner?.id ?? "");
  const [conflict, setConflict] = useState(false);
  const { pending, errors, message, setErrors, setMessage, run } = useSubmit(() => onClose(), {
    onConflict: () => setConflict(true),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = itemAnswerIssues(item, { status, answer, note });
    if (local.length) {
      setErrors(Object.fromEntries(local.map((issue) => [issue.path, issue.message])));
      setMessage(CHECK_FIELDS);
      return;
    }
    await run(() =>
      updateChecklistItemAction(useCaseKey, item.id, {
        status,
        answer: item.answerType === "NONE" ? null : answer,
        evidenceUrl,
        note,
        ownerId: ownerId || null,
        version: item.version,
      }),
    );
  }

  return (
    <form
      onSubmit={submit}
      className="mt-2 space-y-3 rounded-md bg-slate-50 p-3"
      aria-label={`Edit “${item.label}”`}
      noValidate
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Status" error={errors.status}>
          {(props) => (
            <Select {...props} value={status} onChange={(e) => setStatus(e.target.value as ChecklistStatus)}>
              {CHECKLIST_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {CHECKLIST_STATUS_LABELS[value]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {item.answerType === "CHOICE" && (
          <Field label="Answer" error={errors.answer}>
            {(props) => (
              <Select {...props} value={answer} onChange={(e) => setAnswer(e.target.value)}>
                <option value="">Choose…</option>
                {item.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        {item.answerType === "TEXT" && (
          <Field label="Answer" error={errors.answer} hint="What was chosen or done, in a few words.">
            {(props) => <TextInput {...props} value={answer} onChange={(e) => setAnswer(e.target.value)} />}
          </Field>
        )}
      </div>
      <Field label="Owner" error={errors.ownerId}>
        {(props) => (
          <Select {...props} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">Nobody yet</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Evidence link"
        error={errors.evidenceUrl}
        hint="Optional: the repository, pipeline, dashboard or page that shows it."
      >
        {(props) => (
          <TextInput
            {...props}
            type="url"
            value={evidenceUrl}
            onChange={(e) => setEvidenceUrl(e.target.value)}
            placeholder="https://"
          />
        )}
      </Field>
      <Field label={status === "NOT_APPLICABLE" ? "Why it does not apply" : "Note"} error={errors.note}>
        {(props) => <TextArea {...props} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <EditActions message={message} conflict={conflict} pending={pending} onClose={onClose} />
    </form>
  );
}
