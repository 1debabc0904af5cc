import { requestQuery } from "@/lib/query-params";
import { listAttachments } from "@/server/attachments/list-attachments";
import { uploadAttachment } from "@/server/attachments/upload-attachment";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

type Params = { key: string };

/** The use case's evidence files (descriptions only), filtered by `target` / `targetId`. */
export const GET = apiRoute<Params>(async ({ request, actor, params }) =>
  json({ items: await listAttachments(actor, params.key, requestQuery(request)) }),
);

/** `?target=&targetId=&filename=` with the file as the body -> 201 Attachment (413 over a limit, while reading). */
export const POST = apiRoute<Params>(async ({ request, actor, params }) => {
  const declared = request.headers.get("content-length");
  const attachment = await uploadAttachment(actor, params.key, requestQuery(request), {
    stream: request.body,
    declaredLength: declared === null ? null : Number(declared),
  });
  return json(attachment, 201);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
