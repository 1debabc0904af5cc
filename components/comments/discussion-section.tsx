import type { CommentDto } from "@/server/comments/comment-dto";
import { CommentThread } from "./comment-thread";

/** The use case's own discussion (gate reviews have theirs in the gate timeline). */
export function DiscussionSection({
  useCaseKey,
  comments,
  canComment,
}: {
  useCaseKey: string;
  comments: CommentDto[];
  canComment: boolean;
}) {
  return (
    <section
      id="discussion"
      aria-labelledby="discussion-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-surface p-5"
    >
      <h2 id="discussion-heading" className="text-lg font-semibold">
        Discussion
      </h2>
      <CommentThread useCaseKey={useCaseKey} initialComments={comments} canComment={canComment} />
    </section>
  );
}
