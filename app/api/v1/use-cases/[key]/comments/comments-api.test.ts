import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db";
import { GET, POST } from "./route";

// The comments endpoints over their route handlers (server/comments/comments.test.ts covers the rules).
async function useCaseWithReview() {
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const row = await makeUseCase(db, { ownerId: owner.id });
  const review = await db.gateReview.create({
    data: { useCaseId: row.id, fromStage: "POC", toStage: "PROTOTYPE", requestedById: owner.id },
  });
  return { owner, key: formatKey(row.number), review };
}

describe("the comments API", () => {
  it("answers 201 with the Comment, lists { items }, and maps 401/404/422", async () => {
    const { owner, key, review } = await useCaseWithReview();
    const other = await useCaseWithReview();
    const token = await createApiToken(db, owner.email, "comments test");
    const call = (method: "GET" | "POST", query = "", body?: unknown, auth = `Bearer ${token}`) => {
      const request = new Request(`http://localhost/api/v1/use-cases/${key}/comments${query}`, {
        method,
        headers: { authorization: auth, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (method === "GET" ? GET : POST)(request, { params: Promise.resolve({ key }) });
    };

    const created = await call("POST", "", { body: "On the review", gateReviewId: review.id });
    expect(created.status).toBe(201);
    const comment = await created.json();
    expect(Object.keys(comment).sort()).toEqual(
      ["author", "body", "createdAt", "gateReviewId", "id", "mentions", "useCaseKey"].sort(),
    );
    expect(comment).toMatchObject({ useCaseKey: key, gateReviewId: review.id, author: { id: owner.id } });

    const listed = await call("GET", `?gateReviewId=${review.id}`);
    expect(listed.status).toBe(200);
    expect((await listed.json()).items.map((c: { id: string }) => c.id)).toEqual([comment.id]);
    expect((await (await call("GET")).json()).items).toEqual([]);

    expect((await call("GET", "?foo=1")).status).toBe(422);
    expect((await call("GET", `?gateReviewId=${other.review.id}`)).status).toBe(404);
    expect((await call("POST", "", { body: "" })).status).toBe(422);
    expect((await call("POST", "", { body: "x", gateReviewId: other.review.id })).status).toBe(404);
    expect((await call("POST", "", { body: "x" }, "Bearer rb_wrong")).status).toBe(401);
  });
});
