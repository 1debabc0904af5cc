import Link from "next/link";
import { LocalDate } from "@/components/ui/local-date";
import type { ChangesDto } from "@/server/visits/changes-since";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The lines of the summary, in the order of the page's sections. */
function summaryLines({ summary }: ChangesDto): { text: string; href: string }[] {
  const lines: { text: string; href: string }[] = [];
  if (summary.fields.length) lines.push({ text: `Details edited: ${summary.fields.join(", ")}`, href: "#details" });
  if (summary.value) lines.push({ text: plural(summary.value, "value change", "value changes"), href: "#value" });
  if (summary.gates) lines.push({ text: plural(summary.gates, "gate event", "gate events"), href: "#gates" });
  if (summary.checklists)
    lines.push({ text: plural(summary.checklists, "checklist change", "checklist changes"), href: "#checklist" });
  if (summary.discussion)
    lines.push({
      text: plural(summary.discussion, "new comment or feedback", "new comments or feedback"),
      href: "#discussion",
    });
  if (summary.services)
    lines.push({ text: plural(summary.services, "service change", "service changes"), href: "#services" });
  if (summary.other) lines.push({ text: plural(summary.other, "other change", "other changes"), href: "#activity" });
  return lines;
}

/**
 * "Changes since your last visit": what other people changed since the reader last opened this
 * page, by section, with a link to every change field by field. Nothing when nothing changed.
 */
export function ChangesSinceVisit({ useCaseKey, changes }: { useCaseKey: string; changes: ChangesDto }) {
  if (!changes.since || changes.events.length === 0) return null;
  const people = [...new Set(changes.events.map((event) => event.actor?.name ?? "the system"))];
  return (
    <section
      aria-labelledby="changes-heading"
      className="space-y-2 rounded-lg border border-brand-200 bg-brand-50/40 p-4 text-sm print:hidden"
    >
      <h2 id="changes-heading" className="font-semibold text-slate-900">
        Changes since your last visit (<LocalDate value={changes.since} relative />)
      </h2>
      <p className="text-slate-700">
        {plural(changes.events.length, "change", "changes")}
        {changes.more ? " or more" : ""} by {people.join(", ")}:
      </p>
      <ul className="list-disc space-y-0.5 pl-5 text-slate-700">
        {summaryLines(changes).map((line) => (
          <li key={line.text}>
            <a href={line.href} className="hover:underline">
              {line.text}
            </a>
          </li>
        ))}
      </ul>
      <Link
        href={`/use-cases/${useCaseKey}/activity?since=${encodeURIComponent(changes.since)}`}
        className="inline-block text-brand-700 hover:underline"
      >
        See every change, field by field →
      </Link>
    </section>
  );
}
