/** A description from the document: its `backticked` words as code (the only markup it uses besides plain text). */
export function InlineCode({ text }: { text: string }) {
  return text.split("`").map((part, index) =>
    index % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a fixed string
      <code key={index} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] text-slate-900">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
