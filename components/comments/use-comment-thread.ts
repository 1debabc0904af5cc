import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { CommentDto } from "@/server/comments/comment-dto";

export const commentThreadKey = (useCaseKey: string, gateReviewId: string | null) =>
  ["comments", useCaseKey, gateReviewId ?? "use-case"] as const;

async function fetchThread(useCaseKey: string, gateReviewId: string | null): Promise<CommentDto[]> {
  const query = gateReviewId ? `?gateReviewId=${encodeURIComponent(gateReviewId)}` : "";
  const response = await fetch(`/api/v1/use-cases/${encodeURIComponent(useCaseKey)}/comments${query}`);
  if (!response.ok) throw new Error(`The comments could not be loaded (${response.status}).`);
  return ((await response.json()) as { items: CommentDto[] }).items;
}

/**
 * One thread in the query cache: seeded with what the server rendered, refreshed from the
 * API when the window regains focus, and appended to when the user posts.
 */
export function useCommentThread(useCaseKey: string, gateReviewId: string | null, initial: CommentDto[]) {
  const client = useQueryClient();
  const queryKey = commentThreadKey(useCaseKey, gateReviewId);
  const { data } = useQuery({
    queryKey,
    queryFn: () => fetchThread(useCaseKey, gateReviewId),
    initialData: initial,
  });
  function append(comment: CommentDto) {
    client.setQueryData<CommentDto[]>(queryKey, (current = []) =>
      current.some((c) => c.id === comment.id) ? current : [...current, comment],
    );
  }
  return { comments: data, append };
}
