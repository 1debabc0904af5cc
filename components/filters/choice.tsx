import { controlClass } from "@/components/ui/field";

/** A select of a filter form, "Any" first unless `any` is false. */
export function Choice({
  name,
  label,
  value,
  options,
  any = true,
}: {
  name: string;
  label: string;
  value?: string;
  options: [string, string][];
  any?: boolean;
}) {
  return (
    // A wrapping label, no id: the fields render in the inline form or in the phone's sheet.
    <label className="text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={controlClass(false)}>
        {any && <option value="">Any</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
