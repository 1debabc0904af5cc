import { deleteAttachment } from "@/server/attachments/delete-attachment";
import { downloadAttachment } from "@/server/attachments/download-attachment";
import { apiRoute } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The file, always as a download (permission checked on every request). */
export const GET = apiRoute<Params>(async ({ actor, params }) => downloadAttachment(actor, params.id));

/** Its uploader or an ADMIN removes it -> 204. */
export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteAttachment(actor, params.id);
  return new Response(null, { status: 204 });
});

export const { POST, PUT, PATCH, OPTIONS } = otherMethods({ GET, DELETE });
