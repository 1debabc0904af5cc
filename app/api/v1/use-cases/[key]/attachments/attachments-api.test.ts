import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeChecklist, makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db";
import { GET as download } from "../../../attachments/[id]/route";
import { GET, POST } from "./route";

// The evidence-file endpoints over their route handlers (server/attachments/attachments.test.ts
// covers the rules): the upload's answers, the 413 problem, and the download's headers.
describe("the attachments API", () => {
  it("uploads a body as a file (201), lists it, serves it as an attachment, and answers 413/404/422 as problems", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const row = await makeUseCase(db, { ownerId: owner.id, stage: "PROTOTYPE" });
    await makeChecklist(db, { useCaseId: row.id, stage: "PROTOTYPE" });
    const item = await db.checklistItem.findFirstOrThrow({ where: { useCaseId: row.id } });
    const key = formatKey(row.number);
    const token = await createApiToken(db, owner.email, "attachments test");
    const headers = { authorization: `Bearer ${token}`, "content-type": "text/html" };
    const params = { params: Promise.resolve({ key }) };
    const url = (query: string) => `http://localhost/api/v1/use-cases/${key}/attachments?${query}`;
    const upload = `target=CHECKLIST_ITEM&targetId=${item.id}&filename=page.html`;

    const html = "<html><body><script>alert(1)</script></body></html>";
    const created = await POST(new Request(url(upload), { method: "POST", headers, body: html }), params);
    expect(created.status).toBe(201);
    const file = await created.json();
    expect(file).toMatchObject({
      contentType: "text/html",
      sha256: createHash("sha256").update(html).digest("hex"),
      downloadUrl: `/api/v1/attachments/${file.id}`,
    });
    const listed = await GET(new Request(url(`target=CHECKLIST_ITEM&targetId=${item.id}`), { headers }), params);
    expect((await listed.json()).items.map((a: { id: string }) => a.id)).toEqual([file.id]);

    const served = await download(new Request(`http://localhost${file.downloadUrl}`, { headers }), {
      params: Promise.resolve({ id: file.id }),
    });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/octet-stream");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment; filename="page.html"/);
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await served.text()).toBe(html);

    // Declared over 20 MB: a 413 problem naming the limit, before the body is read.
    const tooLarge = await POST(
      new Request(url(upload), {
        method: "POST",
        headers: { ...headers, "content-length": String(21 * 1024 * 1024) },
        body: "x",
      }),
      params,
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get("content-type")).toContain("application/problem+json");
    expect(await tooLarge.json()).toMatchObject({
      status: 413,
      title: "Content Too Large",
      detail: "The file is larger than 20 MB, the limit for one file.",
    });
    const missing = await POST(
      new Request(url(`target=CHECKLIST_ITEM&targetId=${item.id}`), { method: "POST", headers, body: "x" }),
      params,
    );
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors[0].path).toBe("filename");
    const elsewhere = await POST(
      new Request(url(`target=CHECKLIST_ITEM&targetId=nope&filename=a.txt`), { method: "POST", headers, body: "x" }),
      params,
    );
    expect(elsewhere.status).toBe(404);
  });
});
