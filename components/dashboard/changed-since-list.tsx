import Link from "next/link";
import { LocalDate } from "@/components/ui/local-date";
import type { ChangedUseCase } from "@/server/visits/changed-for-me";

/** "Changed since you last looked": the use cases the reader owns, sponsors or decided on that others changed, newest first. */
export function ChangedSinceList({ useCases }: { useCases: ChangedUseCase[] }) {
  if (useCases.length === 0) return null;
  return (
    <section aria-labelledby="changed-heading" className="rounded-lg border border-slate-200 bg-surface p-4">
      <h2 id="changed-heading" className="text-sm font-semibold text-slate-800">
        Changed since you last looked
      </h2>
      <ul className="mt-2 divide-y divide-slate-100 text-sm">
        {useCases.map((u) => (
          <li key={u.key} className="flex flex-wrap items-baseline gap-x-2 py-1.5">
            <Link href={`/use-cases/${u.key}`} className="font-medium hover:underline">
              <span className="font-mono text-xs text-slate-600">{u.key}</span> {u.title}
            </Link>
            <span className="text-slate-600">
              · {u.changes} {u.changes === 1 ? "change" : "changes"}, the last{" "}
              <LocalDate value={u.lastChangeAt} relative />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
