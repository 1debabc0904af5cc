import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeChecklist, makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";

// The limits are organisation settings (one row): this file gets a database of its own.
const own = withOwnDatabase("attachments");
let upload: typeof import("./upload-attachment");
let list: typeof import("./list-attachments");
let download: typeof import("./download-attachment");
let remove: typeof import("./delete-attachment");
let settings: typeof import("../settings/org-settings");

beforeAll(async () => {
  upload = await import("./upload-attachment");
  list = await import("./list-attachments");
  download = await import("./download-attachment");
  remove = await import("./delete-attachment");
  settings = await import("../settings/org-settings");
});

afterAll(async () => {
  await (await import("../db")).dbPool.end();
});

const MB = 1024 * 1024;
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa0c4c1e40000000049454e44ae426082",
  "hex",
);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** A body as a stream; `pulled` counts the bytes the reader took. */
function body(bytes: Uint8Array, declared: number | null = bytes.byteLength) {
  return { stream: new Blob([new Uint8Array(bytes)]).stream(), declaredLength: declared };
}

/** An endless body of 64 KB chunks, undeclared (chunked): how far does the reader go? */
function endless() {
  const counter = { pulled: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { counter, body: { stream, declaredLength: null } };
}

async function world() {
  const db = own.db();
  const admin = await makeUser(db, { role: "ADMIN" });
  const it = await makeUser(db, { role: "IT" });
  const business = await makeUser(db, { role: "BUSINESS" });
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const stranger = await makeUser(db, { role: "DATA_SCIENTIST" });
  const uc = await makeUseCase(db, { ownerId: owner.id, stage: "PROTOTYPE" });
  await makeChecklist(db, { useCaseId: uc.id, stage: "PROTOTYPE" });
  const item = await db.checklistItem.findFirstOrThrow({ where: { useCaseId: uc.id } });
  const key = `UC-${uc.number}`;
  const toItem = (filename: string) => ({ target: "CHECKLIST_ITEM", targetId: item.id, filename });
  return { db, admin, it, business, owner, stranger, uc, item, key, toItem };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error) => error as import("../errors").DomainError,
  );

describe("evidence files", () => {
  it("stores a file with its sniffed type and SHA-256, lists it without its bytes, and serves it as a download only", async () => {
    const w = await world();
    const saved = await upload.uploadAttachment(w.it, w.key, w.toItem("../../etc/Report\u202e.pdf"), body(PDF));
    expect(saved).toMatchObject({
      target: "CHECKLIST_ITEM",
      targetId: w.item.id,
      filename: "Report.pdf",
      contentType: "application/pdf",
      size: PDF.byteLength,
      sha256: createHash("sha256").update(PDF).digest("hex"),
      uploadedBy: { id: w.it.id },
    });
    const listed = await list.listAttachments(w.business, w.key, { target: "CHECKLIST_ITEM", targetId: w.item.id });
    expect(listed.map((a) => a.id)).toEqual([saved.id]);
    expect(Object.keys(listed[0] ?? {})).not.toContain("bytes");

    const response = await download.downloadAttachment(w.business, saved.id);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"Report.pdf\"; filename*=UTF-8''Report.pdf",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(PDF)).toBe(true);
    expect(response.headers.get("repr-digest")).toBe(`sha-256=:${createHash("sha256").update(PDF).digest("base64")}:`);
    const events = await w.db.auditEvent.findMany({ where: { entityId: saved.id } });
    expect(events.map((e) => e.action)).toEqual(["attachment.create"]);
  });

  it("sniffs the bytes: a PNG named .pdf is a PNG; HTML and SVG download as application/octet-stream", async () => {
    const w = await world();
    const png = await upload.uploadAttachment(w.it, w.key, w.toItem("scan.pdf"), body(PNG));
    expect(png.contentType).toBe("image/png");
    expect((await download.downloadAttachment(w.it, png.id)).headers.get("content-type")).toBe("image/png");

    const html = Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
    const page = await upload.uploadAttachment(w.it, w.key, w.toItem("notes.txt"), body(html));
    expect(page.contentType).toBe("text/html");
    const served = await download.downloadAttachment(w.it, page.id);
    expect(served.headers.get("content-type")).toBe("application/octet-stream");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment;/);

    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const image = await upload.uploadAttachment(w.it, w.key, w.toItem("logo.png"), body(svg));
    expect(image.contentType).toBe("image/svg+xml");
    expect((await download.downloadAttachment(w.it, image.id)).headers.get("content-type")).toBe(
      "application/octet-stream",
    );
    const text = await upload.uploadAttachment(w.it, w.key, w.toItem("notes.txt"), body(Buffer.from("Plain ✓ text\n")));
    expect(text.contentType).toBe("text/plain");
    const empty = await refusal(upload.uploadAttachment(w.it, w.key, w.toItem("empty.txt"), body(new Uint8Array())));
    expect(empty.code).toBe("VALIDATION");
  });

  it("refuses a file over the file limit and over the use case's room, reading no further than the limit", async () => {
    const w = await world();
    let current = await settings.getOrgSettings();
    current = await settings.updateOrgSettings(w.admin, {
      version: current.version,
      attachmentFileMb: 1,
      attachmentUseCaseMb: 2,
    });
    try {
      // Declared too large: refused before a byte is read.
      const declared = await refusal(
        upload.uploadAttachment(w.it, w.key, w.toItem("big.bin"), body(new Uint8Array(10), 5 * MB)),
      );
      expect(declared).toMatchObject({ code: "TOO_LARGE", message: expect.stringContaining("larger than 1 MB") });
      // Chunked and endless: the reader stops one chunk past the limit.
      const { counter, body: stream } = endless();
      const streamed = await refusal(upload.uploadAttachment(w.it, w.key, w.toItem("endless.bin"), stream));
      expect(streamed.code).toBe("TOO_LARGE");
      expect(counter.pulled).toBeLessThanOrEqual(MB + 3 * 64 * 1024);

      // The use case: 2 MB together. Two files of 0.9 MB fit, a third does not.
      const part = new Uint8Array(Math.floor(0.9 * MB)).fill(7);
      await upload.uploadAttachment(w.it, w.key, w.toItem("a.bin"), body(part));
      await upload.uploadAttachment(w.it, w.key, w.toItem("b.bin"), body(part));
      const full = await refusal(upload.uploadAttachment(w.it, w.key, w.toItem("c.bin"), body(part)));
      expect(full.code).toBe("TOO_LARGE");
      expect(full.message).toMatch(/may hold 2 MB together, and 205 KB is left/);
      // Concurrent uploads cannot overshoot either: of two racing files that each fit alone, one is refused.
      const small = new Uint8Array(150 * 1024).fill(9);
      const race = await Promise.allSettled([
        upload.uploadAttachment(w.it, w.key, w.toItem("r1.bin"), body(small)),
        upload.uploadAttachment(w.it, w.key, w.toItem("r2.bin"), body(small)),
      ]);
      expect(race.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const total = await w.db.attachment.aggregate({ where: { useCaseId: w.uc.id }, _sum: { size: true } });
      expect(total._sum.size).toBeLessThanOrEqual(2 * MB);
      expect(await w.db.attachment.count({ where: { filename: { in: ["big.bin", "endless.bin", "c.bin"] } } })).toBe(0);
    } finally {
      const now = await settings.getOrgSettings();
      await settings.updateOrgSettings(w.admin, {
        version: now.version,
        attachmentFileMb: 20,
        attachmentUseCaseMb: 200,
      });
    }
  });

  it("checks who attaches, who downloads and who removes, and where a file may go", async () => {
    const w = await world();
    // Business does not work checklists; a data scientist only their own use case's.
    expect((await refusal(upload.uploadAttachment(w.business, w.key, w.toItem("x.txt"), body(PDF)))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal(upload.uploadAttachment(w.stranger, w.key, w.toItem("x.txt"), body(PDF)))).code).toBe(
      "FORBIDDEN",
    );
    const mine = await upload.uploadAttachment(w.owner, w.key, w.toItem("mine.pdf"), body(PDF));
    // Another use case's item, an unknown question, a closed gate request.
    const other = await world();
    expect(
      (
        await refusal(
          upload.uploadAttachment(w.it, w.key, { ...w.toItem("x.pdf"), targetId: other.item.id }, body(PDF)),
        )
      ).code,
    ).toBe("NOT_FOUND");
    const answer = { target: "ASSESSMENT_ANSWER", targetId: "annexIIIAreas", filename: "dpia.pdf" };
    expect((await upload.uploadAttachment(w.owner, w.key, answer, body(PDF))).target).toBe("ASSESSMENT_ANSWER");
    expect((await refusal(upload.uploadAttachment(w.it, w.key, answer, body(PDF)))).code).toBe("FORBIDDEN");
    expect(
      (await refusal(upload.uploadAttachment(w.owner, w.key, { ...answer, targetId: "noSuchQuestion" }, body(PDF))))
        .code,
    ).toBe("NOT_FOUND");
    const review = await w.db.gateReview.create({
      data: { useCaseId: w.uc.id, fromStage: "PROTOTYPE", toStage: "PACKAGING", requestedById: w.owner.id },
    });
    const toReview = { target: "GATE_REVIEW", targetId: review.id, filename: "eval.pdf" };
    expect((await upload.uploadAttachment(w.owner, w.key, toReview, body(PDF))).targetId).toBe(review.id);
    await w.db.gateReview.update({ where: { id: review.id }, data: { status: "DECIDED", decision: "GO" } });
    expect((await refusal(upload.uploadAttachment(w.owner, w.key, toReview, body(PDF)))).code).toBe("CONFLICT");

    // Downloads: every role reads every use case, checked each time (an unknown or garbage id is NOT_FOUND).
    expect((await download.downloadAttachment(w.business, mine.id)).status).toBe(200);
    expect((await refusal(download.downloadAttachment(w.business, "nope"))).code).toBe("NOT_FOUND");
    expect((await refusal(download.downloadAttachment(w.business, "bad\u0000id"))).code).toBe("NOT_FOUND");
    const deployOnly = { id: w.business.id, role: "NOBODY" as never };
    expect((await refusal(download.downloadAttachment(deployOnly, mine.id))).code).toBe("FORBIDDEN");

    // Removal: not by someone else; by the uploader; by an admin (audited with what it was).
    expect((await refusal(remove.deleteAttachment(w.it, mine.id))).code).toBe("FORBIDDEN");
    await remove.deleteAttachment(w.owner, mine.id);
    expect(await w.db.attachmentContent.count({ where: { attachmentId: mine.id } })).toBe(0);
    const its = await upload.uploadAttachment(w.it, w.key, w.toItem("its.pdf"), body(PDF));
    await remove.deleteAttachment(w.admin, its.id);
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { entityId: its.id, action: "attachment.delete" } });
    expect(event).toMatchObject({ actorId: w.admin.id, useCaseId: w.uc.id });
    expect(event.before).toMatchObject({ filename: "its.pdf", size: PDF.byteLength });
    expect((await refusal(remove.deleteAttachment(w.admin, its.id))).code).toBe("NOT_FOUND");
  });
});
