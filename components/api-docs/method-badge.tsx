// The HTTP method of an operation, as text in a coloured pill (the colour only repeats the word).
const METHOD_COLORS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800 ring-sky-200",
  POST: "bg-emerald-100 text-emerald-800 ring-emerald-200",
  PUT: "bg-violet-100 text-violet-800 ring-violet-200",
  PATCH: "bg-amber-100 text-amber-800 ring-amber-200",
  DELETE: "bg-rose-100 text-rose-800 ring-rose-200",
};
const OTHER = "bg-slate-100 text-slate-800 ring-slate-200";
const PILL = "inline-flex justify-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold ring-1 ring-inset";

export function MethodBadge({ method }: { method: string }) {
  return <span className={`${PILL} min-w-[4.25rem] ${METHOD_COLORS[method] ?? OTHER}`}>{method}</span>;
}

/** A response status: 2xx green, 4xx amber, 5xx rose (the code itself is the information). */
export function StatusCode({ status }: { status: string }) {
  const color = status.startsWith("2")
    ? METHOD_COLORS.POST
    : status.startsWith("4")
      ? METHOD_COLORS.PATCH
      : status.startsWith("5")
        ? METHOD_COLORS.DELETE
        : OTHER;
  return <span className={`${PILL} ${color}`}>{status}</span>;
}
