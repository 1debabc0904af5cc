"use client";
import { useEffect, useRef } from "react";
import type { CommentDto } from "@/server/comments/comment-dto";
import { CommentThread } from "./comment-thread";
import { useCommentThread } from "./use-comment-thread";

/**
 * A gate review's thread behind a "Comments (n)" disclosure. It opens by itself when the
 * address points at one of its comments (a mention notification's link).
 */
export function ReviewComments({
  useCaseKey,
  gateReviewId,
  initialComments,
  canComment,
}: {
  useCaseKey: string;
  gateReviewId: string;
  initialComments: CommentDto[];
  canComment: boolean;
}) {
  const { comments } = useCommentThread(useCaseKey, gateReviewId, initialComments);
  const details = useRef<HTMLDetailsElement>(null);
  const ids = comments.map((comment) => comment.id).join(" ");

  useEffect(() => {
    function reveal() {
      const target = window.location.hash.match(/^#comment-(.+)$/)?.[1];
      if (!target || !ids.split(" ").includes(target) || !details.current) return;
      details.current.open = true;
      document.getElementById(`comment-${target}`)?.scrollIntoView();
    }
    reveal();
    window.addEventListener("hashchange", reveal);
    return () => window.removeEventListener("hashchange", reveal);
  }, [ids]);

  return (
    <details ref={details}>
      <summary className="cursor-pointer text-sm text-brand-700 hover:underline">Comments ({comments.length})</summary>
      <div className="mt-2 border-l-2 border-slate-100 pl-3">
        <CommentThread
          useCaseKey={useCaseKey}
          gateReviewId={gateReviewId}
          initialComments={initialComments}
          canComment={canComment}
        />
      </div>
    </details>
  );
}
