import { type ComponentProps, type ReactNode, useId } from "react";

const CONTROL =
  "block w-full rounded-md border bg-surface px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

export function controlClass(invalid: boolean): string {
  return `${CONTROL} ${invalid ? "border-rose-500" : "border-slate-300"}`;
}

type FieldProps = {
  label: string;
  error?: string;
  hint?: ReactNode;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
};

/** A label, a control, and the field's hint or error, wired for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-rose-600">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextInput({
  invalid = false,
  className = "",
  ...props
}: ComponentProps<"input"> & { invalid?: boolean }) {
  return <input className={`${controlClass(invalid)} ${className}`} {...props} />;
}

export function TextArea({
  invalid = false,
  className = "",
  ...props
}: ComponentProps<"textarea"> & { invalid?: boolean }) {
  return <textarea className={`${controlClass(invalid)} ${className}`} {...props} />;
}

export function Select({
  invalid = false,
  className = "",
  ...props
}: ComponentProps<"select"> & { invalid?: boolean }) {
  return <select className={`${controlClass(invalid)} ${className}`} {...props} />;
}
