import { SERVICE_KIND_LABELS, type ServiceKind } from "@/lib/services";

const STYLE: Record<ServiceKind, { text: string; className: string }> = {
  GRAFANA: { text: "Gf", className: "bg-orange-100 text-orange-700" },
  SUPERSET: { text: "Ss", className: "bg-teal-100 text-teal-700" },
  AIRFLOW: { text: "Af", className: "bg-sky-100 text-sky-700" },
  JUPYTER: { text: "Jp", className: "bg-amber-100 text-amber-800" },
  JENKINS: { text: "Jk", className: "bg-rose-100 text-rose-700" },
  GIT: { text: "Git", className: "bg-slate-200 text-slate-800" },
  MODEL_API: { text: "API", className: "bg-violet-100 text-violet-700" },
  MLFLOW: { text: "ML", className: "bg-blue-100 text-blue-700" },
  OTHER: { text: "•", className: "bg-slate-100 text-slate-600" },
};

/** A small badge per kind of service, with the kind's name for screen readers. */
export function KindIcon({ kind }: { kind: ServiceKind }) {
  const style = STYLE[kind];
  return (
    <span
      title={SERVICE_KIND_LABELS[kind]}
      className={`inline-flex h-8 w-8 flex-none items-center justify-center rounded-md text-[11px] font-bold ${style.className}`}
    >
      <span aria-hidden>{style.text}</span>
      <span className="sr-only">{SERVICE_KIND_LABELS[kind]}</span>
    </span>
  );
}
