import Link from "next/link";
import { DueLabel } from "@/components/gates/due-label";
import { STAGE_LABELS } from "@/lib/lifecycle";
import type { DashboardLists as Lists } from "@/server/portfolio/dashboard-lists";

function Panel({
  id,
  title,
  empty,
  children,
  count,
}: {
  id: string;
  title: string;
  empty: string;
  children: React.ReactNode;
  count: number;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-200 bg-surface p-4">
      <h2 id={`${id}-heading`} className="text-sm font-semibold text-slate-800">
        {title} <span className="font-normal text-slate-500">({count})</span>
      </h2>
      {count === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">{children}</ul>
      )}
    </section>
  );
}

/** Reviews waiting, conditions due, stalled use cases, services down, models drifted from their approval. */
export function DashboardLists({ lists }: { lists: Lists }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel
        id="reviews-waiting"
        title="Reviews waiting"
        empty="No gate review is open."
        count={lists.reviewsWaiting.length}
      >
        {lists.reviewsWaiting.map((r) => (
          <li key={r.id} className="py-1.5">
            <Link href={`/use-cases/${r.key}#gates`} className="hover:underline">
              <span className="font-mono text-xs text-slate-500">{r.key}</span> {r.title}
            </Link>{" "}
            <span className="text-slate-500">
              · {r.gate}, waiting for {r.awaiting || "a decision"}
            </span>
            {r.due && (
              <>
                {" "}
                · <DueLabel due={r.due} subject="" />
              </>
            )}
          </li>
        ))}
      </Panel>
      <Panel
        id="conditions"
        title="Conditions due in the next 7 days"
        empty="No condition is due."
        count={lists.conditionsDue.length}
      >
        {lists.conditionsDue.map((c) => (
          <li key={c.id} className="py-1.5">
            <Link href={`/use-cases/${c.key}#gates`} className="hover:underline">
              <span className="font-mono text-xs text-slate-500">{c.key}</span> {c.text}
            </Link>{" "}
            <span className={c.overdue ? "font-medium text-rose-700" : "text-slate-500"}>
              · {c.owner} · due {c.dueOn}
              {c.overdue && " (overdue)"}
            </span>
          </li>
        ))}
      </Panel>
      <Panel
        id="stalled"
        title={`Stalled: no change for ${lists.stalledDays} days`}
        empty="Every active use case moved recently."
        count={lists.stalled.length}
      >
        {lists.stalled.map((u) => (
          <li key={u.key} className="py-1.5">
            <Link href={`/use-cases/${u.key}`} className="hover:underline">
              <span className="font-mono text-xs text-slate-500">{u.key}</span> {u.title}
            </Link>{" "}
            <span className="text-slate-500">
              · {STAGE_LABELS[u.stage]} · {u.days} days
            </span>
          </li>
        ))}
      </Panel>
      <Panel
        id="services-down"
        title="Services down"
        empty="Every checked service answers."
        count={lists.servicesDown.length}
      >
        {lists.servicesDown.map((s) => (
          <li key={s.id} className="py-1.5">
            <Link href={`/use-cases/${s.key}#services`} className="hover:underline">
              {s.name} <span className="font-mono text-xs text-slate-500">{s.key}</span>
            </Link>{" "}
            <span className="text-slate-500">· {s.reason ?? "down"}</span>
          </li>
        ))}
      </Panel>
      <Panel
        id="models-drifted"
        title="Models serving an unapproved version"
        empty="Every @champion points to a version a gate approved."
        count={lists.modelsDrifted.length}
      >
        {lists.modelsDrifted.map((m) => (
          <li key={m.id} className="py-1.5">
            <Link href={`/use-cases/${m.key}/toolchain`} className="hover:underline">
              {m.model} <span className="font-mono text-xs text-slate-500">{m.key}</span>
            </Link>{" "}
            <span className="font-medium text-rose-700">· @champion → v{m.version}, not approved by a gate</span>
          </li>
        ))}
      </Panel>
    </div>
  );
}
