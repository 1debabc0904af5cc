// Button styles, importable from server and client components alike.
const VARIANTS = {
  primary: "bg-primary text-white hover:bg-primary-hover disabled:bg-primary/60",
  secondary: "border border-slate-300 bg-surface text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  ghost: "text-slate-700 hover:bg-slate-100 disabled:opacity-40 disabled:hover:bg-transparent",
  danger: "bg-danger text-white hover:bg-danger-hover",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClass(variant: ButtonVariant = "primary", extra = ""): string {
  return `inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium transition-[background-color,border-color,color] disabled:cursor-not-allowed ${VARIANTS[variant]} ${extra}`;
}
