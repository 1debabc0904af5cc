import { createHash } from "node:crypto";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken, hashToken } from "@/server/auth/api-tokens";
import { expect, test } from "../support/fixtures";

test("API v1 use cases over real HTTP with a Bearer token", async ({ request, prisma }) => {
  const scientist = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const token = await createApiToken(prisma, scientist.email, "e2e");
  const auth = { authorization: `Bearer ${token}` };
  // Only the hash is stored: the user's one token row holds exactly sha256(token) as the app
  // computes it (hashToken, checked against node:crypto here) and the 10-character prefix shown
  // in lists; no column holds the token, any 8 characters of its secret part, or its base64.
  const rows = await prisma.$queryRaw<
    Record<string, unknown>[]
  >`SELECT * FROM "ApiToken" WHERE "userId" = ${scientist.id}`;
  expect(rows).toHaveLength(1);
  const row = rows[0] ?? {};
  expect(hashToken(token)).toBe(createHash("sha256").update(token, "utf8").digest("hex"));
  expect(row.tokenHash).toBe(hashToken(token));
  expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  expect(row.prefix).toBe(token.slice(0, 10));
  expect(token.length).toBeGreaterThan(30);
  const secretPart = token.slice(10);
  const pieces = Array.from({ length: secretPart.length - 7 }, (_, i) => secretPart.slice(i, i + 8));
  for (const [column, value] of Object.entries(row)) {
    const stored = value instanceof Date ? value.toISOString() : String(value);
    expect(stored, `ApiToken.${column}`).not.toContain(token);
    expect(stored, `ApiToken.${column}`).not.toContain(Buffer.from(token).toString("base64").slice(0, 20));
    for (const piece of pieces) expect(stored, `ApiToken.${column} holds a piece of the secret`).not.toContain(piece);
  }

  expect((await request.get("/api/v1/use-cases")).status()).toBe(401);
  expect((await request.get("/api/v1/use-cases", { headers: { authorization: "Bearer rb_nope" } })).status()).toBe(401);

  const tag = `Api${Date.now()}`;
  for (let i = 0; i < 3; i++) await makeUseCase(prisma, { ownerId: scientist.id, title: `${tag} ${i}` });
  const first = await request.get(`/api/v1/use-cases?q=${tag}&limit=2&sort=title`, { headers: auth });
  expect(first.status()).toBe(200);
  const page1 = await first.json();
  expect(page1.items.map((i: { title: string }) => i.title)).toEqual([`${tag} 0`, `${tag} 1`]);
  expect(page1.nextCursor).toEqual(expect.any(String));
  const page2 = await (
    await request.get(`/api/v1/use-cases?q=${tag}&limit=2&sort=title&cursor=${page1.nextCursor}`, { headers: auth })
  ).json();
  expect(page2.items.map((i: { title: string }) => i.title)).toEqual([`${tag} 2`]);
  expect(page2.nextCursor).toBeNull();

  expect((await request.get("/api/v1/use-cases?limit=500", { headers: auth })).status()).toBe(422);
  expect((await request.get("/api/v1/use-cases?colour=blue", { headers: auth })).status()).toBe(422);

  const created = await request.post("/api/v1/use-cases", {
    headers: auth,
    data: { title: `${tag} new`, ebitda: { low: "1", base: "2", high: "3", currency: "EUR" } },
  });
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body).toMatchObject({
    key: expect.stringMatching(/^UC-\d+$/),
    stage: "POC",
    version: 1,
    ebitda: { low: "1.00", base: "2.00", high: "3.00", currency: "EUR" },
  });

  const patched = await request.patch(`/api/v1/use-cases/${body.key}`, {
    headers: auth,
    data: { version: 1, outcome: "Why" },
  });
  expect(patched.status()).toBe(200);
  expect((await patched.json()).version).toBe(2);
  const stale = await request.patch(`/api/v1/use-cases/${body.key}`, {
    headers: auth,
    data: { version: 1, outcome: "Lost?" },
  });
  expect(stale.status()).toBe(409);
  expect(stale.headers()["content-type"]).toContain("application/problem+json");
  expect((await (await request.get(`/api/v1/use-cases/${body.key}`, { headers: auth })).json()).outcome).toBe("Why");

  const extra = await request.post("/api/v1/use-cases", { headers: auth, data: { title: "x", stage: "PRODUCTION" } });
  expect(extra.status()).toBe(422);
  const malformed = await request.post("/api/v1/use-cases", {
    headers: { ...auth, "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  expect(malformed.status()).toBe(400);
  expect((await request.get("/api/v1/use-cases/UC-99999999", { headers: auth })).status()).toBe(404);
});

test("an unknown API path answers a problem+json 404, whatever the method; real routes still answer", async ({
  request,
}) => {
  const unknown: [string, string][] = [
    ["GET", "/api/v1/no-such-thing"],
    ["POST", "/api/nope"],
    ["PUT", "/api/v2/use-cases"],
    ["PATCH", "/api/v1/use-cases/UC-1/nonsense"],
    ["DELETE", "/api/v1/use-cases/UC-1/nonsense/deeper"],
    ["OPTIONS", "/api/v1/no-such-thing"],
  ];
  for (const [method, path] of unknown) {
    const response = await request.fetch(path, {
      method,
      headers: { "content-type": "application/json" },
      ...(method === "GET" || method === "OPTIONS" ? {} : { data: "{}" }),
    });
    expect(response.status(), `${method} ${path}`).toBe(404);
    expect(response.headers()["content-type"], `${method} ${path}`).toContain("application/problem+json");
    const body = (await response.json()) as { status: number; title: string; detail: string };
    expect(body).toMatchObject({ status: 404, title: "Not Found" });
    expect(body.detail).toContain(path);
  }
  expect((await request.get("/api/health")).status()).toBe(200);
  expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
  // A real route without a session is still refused by that route (401), not answered as unknown.
  expect((await request.get("/api/v1/use-cases")).status()).toBe(401);
});
