import { fieldChanges, type WordPart } from "@/lib/audit-diff";

const DEL = "rounded-sm bg-rose-50 px-0.5 text-rose-800 line-through decoration-rose-400";
const INS = "rounded-sm bg-emerald-50 px-0.5 text-emerald-800 no-underline";

// Screen readers do not announce <del>/<ins> everywhere: each says what it is in words too.
function Removed({ children }: { children: string }) {
  return (
    <del className={DEL}>
      <span className="sr-only">removed: </span>
      {children}
    </del>
  );
}

function Added({ children }: { children: string }) {
  return (
    <ins className={INS}>
      <span className="sr-only">added: </span>
      {children}
    </ins>
  );
}

function WordDiff({ parts }: { parts: WordPart[] }) {
  return (
    <span className="whitespace-pre-wrap">
      {parts.map((part, index) =>
        part.change === "removed" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence; the same word may repeat.
          <Removed key={index}>{part.text}</Removed>
        ) : part.change === "added" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <Added key={index}>{part.text}</Added>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}

/**
 * What an audit event changed, field by field: old → new, amounts formatted in the reader's
 * locale, long texts diffed by words; the raw JSON under a disclosure.
 */
export function ChangeDiff({
  before,
  after,
  currency,
  locale,
}: {
  before: unknown;
  after: unknown;
  currency: string;
  locale: string;
}) {
  const changes = fieldChanges(before, after, currency, locale);
  if (changes.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <div className="space-y-1">
      <ul className="space-y-1 break-words">
        {changes.map((change) => (
          <li key={change.field}>
            <span className="font-medium text-slate-700">{change.label}:</span>{" "}
            {change.words ? (
              <WordDiff parts={change.words} />
            ) : change.kind === "changed" ? (
              <>
                <Removed>{change.before}</Removed> <span aria-hidden>→</span> <Added>{change.after}</Added>
              </>
            ) : change.kind === "added" ? (
              <span>{change.after}</span>
            ) : (
              <Removed>{change.before}</Removed>
            )}
          </li>
        ))}
      </ul>
      <details className="print:hidden">
        <summary className="cursor-pointer text-slate-500">Raw JSON</summary>
        <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-[11px] whitespace-pre-wrap text-slate-700">
          {JSON.stringify({ before: before ?? null, after: after ?? null }, null, 2)}
        </pre>
      </details>
    </div>
  );
}
