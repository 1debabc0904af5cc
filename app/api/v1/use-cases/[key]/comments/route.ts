import { requestQuery } from "@/lib/query-params";
import { CommentListQuerySchema } from "@/lib/validation/comment";
import { createComment } from "@/server/comments/create-comment";
import { listComments } from "@/server/comments/list-comments";
import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { parseInput } from "@/server/http/parse-input";

export const dynamic = "force-dynamic";

type Params = { key: string };

/** The use case's thread, or a gate review's with `?gateReviewId=`; oldest first. */
export const GET = apiRoute<Params>(async ({ request, actor, params }) => {
  const query = parseInput(CommentListQuerySchema, requestQuery(request));
  return json({ items: await listComments(actor, params.key, query) });
});

/** `{ body, mentions?: userId[], gateReviewId? }` -> 201 Comment. */
export const POST = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await createComment(actor, params.key, await readJson(request)), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
