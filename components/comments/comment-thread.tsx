"use client";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { useSubmit } from "@/components/ui/use-submit";
import { COMMENT_LIMITS } from "@/lib/validation/comment-limits";
import { createCommentAction, mentionCandidatesAction } from "@/server/actions/comments";
import type { CommentDto } from "@/server/comments/comment-dto";
import { CommentBody } from "./comment-body";
import { type MentionPerson, MentionTextArea } from "./mention-autocomplete";
import { useCommentThread } from "./use-comment-thread";

/**
 * A discussion thread (the use case's, or a gate review's): the comments oldest first and
 * the composer. A posted comment is added in place, without reloading the page.
 */
export function CommentThread({
  useCaseKey,
  gateReviewId = null,
  initialComments,
  canComment,
}: {
  useCaseKey: string;
  gateReviewId?: string | null;
  initialComments: CommentDto[];
  canComment: boolean;
}) {
  const { comments, append } = useCommentThread(useCaseKey, gateReviewId, initialComments);
  return (
    <div className="space-y-4">
      {comments.length === 0 ? (
        <EmptyState>No comments yet. Ask a question or @mention someone.</EmptyState>
      ) : (
        <ol aria-label="Comments" className="space-y-3">
          {comments.map((comment) => (
            <li
              key={comment.id}
              id={`comment-${comment.id}`}
              className="scroll-mt-20 rounded-md px-2 py-1 text-sm target:bg-amber-50 target:ring-1 target:ring-amber-300"
            >
              <p className="text-xs text-slate-500">
                <span className="font-medium text-slate-800">{comment.author.name}</span> ·{" "}
                <LocalDate value={comment.createdAt} relative />
              </p>
              <CommentBody body={comment.body} mentionNames={comment.mentions.map((person) => person.name)} />
            </li>
          ))}
        </ol>
      )}
      {canComment && <CommentComposer useCaseKey={useCaseKey} gateReviewId={gateReviewId} onPosted={append} />}
    </div>
  );
}

async function searchPeople(query: string): Promise<MentionPerson[]> {
  const result = await mentionCandidatesAction(query);
  return result.ok ? result.data : [];
}

// The shared schema, loaded on first submit so zod stays out of the page's first load.
const loadCommentSchema = () => import("@/lib/validation/comment").then((m) => m.CommentSchema);

function CommentComposer({
  useCaseKey,
  gateReviewId,
  onPosted,
}: {
  useCaseKey: string;
  gateReviewId: string | null;
  onPosted: (comment: CommentDto) => void;
}) {
  const id = useId();
  const [body, setBody] = useState("");
  /** People inserted from the list; only those still named in the text are sent. */
  const [chosen, setChosen] = useState<MentionPerson[]>([]);
  const {
    pending,
    errors,
    message,
    setErrors,
    setMessage,
    submit: send,
  } = useSubmit<CommentDto>(
    (comment) => {
      onPosted(comment);
      setBody("");
      setChosen([]);
    },
    { refresh: false },
  );
  // One line under the box: the first field's message, else the form's.
  const error = Object.values(errors)[0] ?? message;
  const clearError = () => {
    setErrors({});
    setMessage(null);
  };

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (pending) return;
    const input = {
      body,
      mentions: chosen.filter((person) => body.includes(`@${person.name}`)).map((person) => person.id),
      ...(gateReviewId ? { gateReviewId } : {}),
    };
    await send(loadCommentSchema, input, (checked) => createCommentAction(useCaseKey, checked));
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <form onSubmit={submit} className="space-y-2" aria-label="Add a comment" noValidate>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Add a comment
      </label>
      <MentionTextArea
        id={id}
        value={body}
        onChange={(next) => {
          setBody(next);
          if (error) clearError();
        }}
        onMention={(person) =>
          setChosen((current) => (current.some((p) => p.id === person.id) ? current : [...current, person]))
        }
        onSubmitShortcut={() => void submit()}
        search={searchPeople}
        invalid={Boolean(error)}
        describedBy={error ? errorId : hintId}
        maxLength={COMMENT_LIMITS.body}
        placeholder="Write a comment; type @ to mention someone"
      />
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-rose-600">
          {error}
        </p>
      ) : (
        <p id={hintId} className="text-xs text-slate-500">
          Plain text; links are clickable. Ctrl+Enter (⌘+Enter) posts.
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Posting…" : "Comment"}
      </Button>
    </form>
  );
}
