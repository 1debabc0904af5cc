import { Fragment } from "react";
import { commentSegments } from "@/lib/comment-text";

/**
 * A comment's text as React text only (so HTML in it is shown, never run): line breaks
 * kept, http(s) addresses linked, mentions highlighted.
 */
export function CommentBody({ body, mentionNames }: { body: string; mentionNames: readonly string[] }) {
  return (
    <p className="whitespace-pre-wrap break-words text-slate-900">
      {commentSegments(body, mentionNames).map((segment, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the segments of an immutable text, in order.
        <Fragment key={index}>
          {segment.kind === "break" ? (
            <br />
          ) : segment.kind === "link" ? (
            <a
              href={segment.href}
              target="_blank"
              rel="noopener noreferrer nofollow"
              className="text-brand-700 underline break-all"
            >
              {segment.text}
            </a>
          ) : segment.kind === "mention" ? (
            <span className="rounded bg-brand-50 px-0.5 font-medium text-brand-700">{segment.text}</span>
          ) : (
            segment.text
          )}
        </Fragment>
      ))}
    </p>
  );
}
