"use client";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import { GATES } from "@/lib/lifecycle";

type Props = {
  deadlines: string[];
  setDeadlines: (update: (current: string[]) => string[]) => void;
  holidays: string;
  setHolidays: (text: string) => void;
  errors: Record<string, string>;
};

/** The review deadline per gate (working days) and the holiday list, inside the settings form. */
export function ReviewDeadlineFields({ deadlines, setDeadlines, holidays, setHolidays, errors }: Props) {
  const holidayError =
    errors.holidays ?? Object.entries(errors).find(([path]) => path.startsWith("holidays."))?.[1] ?? undefined;
  const deadlineError =
    errors.reviewDeadlineDays ?? Object.entries(errors).find(([path]) => path.startsWith("reviewDeadlineDays."))?.[1];
  return (
    <>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Review deadline per gate (working days)</legend>
        <p className="text-xs text-slate-500">
          Deciders who have not voted are reminded at half the deadline and at the deadline; at twice the deadline the
          review escalates to the admins. Applies to reviews requested from now on.
        </p>
        <div className="grid grid-cols-3 gap-2">
          {GATES.map((gate, index) => (
            <Field key={gate.id} label={`${gate.id}: ${gate.name}`}>
              {(props) => (
                <TextInput
                  {...props}
                  inputMode="numeric"
                  value={deadlines[index] ?? ""}
                  onChange={(e) => setDeadlines((current) => current.map((d, i) => (i === index ? e.target.value : d)))}
                />
              )}
            </Field>
          ))}
        </div>
        {deadlineError && <p className="text-sm text-rose-600">{deadlineError}</p>}
      </fieldset>
      <Field
        label="Holidays (not working days)"
        error={holidayError}
        hint="One date per line, written YYYY-MM-DD. Weekends are never working days."
      >
        {(props) => (
          <TextArea
            {...props}
            rows={4}
            className="font-mono text-xs"
            value={holidays}
            onChange={(e) => setHolidays(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
