import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db";
import * as retryRoute from "../webhook-deliveries/[id]/retry/route";
import * as deliveriesRoute from "./[id]/deliveries/route";
import * as rotateRoute from "./[id]/rotate-secret/route";
import * as oneRoute from "./[id]/route";
import * as testRoute from "./[id]/test/route";
import * as listRoute from "./route";

// The HTTP surface: status codes and problem bodies of every webhook endpoint.
let server: http.Server;
let base: string;
let hits = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    req.resume();
    req.on("end", () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
});
afterAll(() => {
  server.close();
  delete process.env.ROADBOOK_PROBE_ALLOW;
});

function call<P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  options: { token?: string; method?: string; body?: unknown; id?: string },
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const request = new Request("http://localhost/api/v1/webhooks", {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return handler(request, { params: Promise.resolve({ id: options.id ?? "" } as P) });
}

async function tokenFor(role: "ADMIN" | "BUSINESS" | "IT" | "DATA_SCIENTIST") {
  const user = await makeUser(db, { role });
  return createApiToken(db, user.email, "webhooks test");
}

describe("the webhooks API", () => {
  it("answers 201/200/204 to an admin, 401/403/404/409/422 otherwise", async () => {
    const admin = await tokenFor("ADMIN");
    const business = await tokenFor("BUSINESS");

    // (Without a token the route reads the session cookie, which needs a Next.js request: not tested here.)
    expect((await call(listRoute.GET, { token: "rb_not-a-token" })).status).toBe(401);
    expect((await call(listRoute.GET, { token: business })).status).toBe(403);
    const refused = await call(listRoute.POST, {
      token: business,
      method: "POST",
      body: { url: `${base}/a`, events: ["gate.decided"] },
    });
    expect(refused.status).toBe(403);

    const privateUrl = await call(listRoute.POST, {
      token: admin,
      method: "POST",
      body: { url: "http://10.0.0.1/hook", events: ["gate.decided"] },
    });
    expect(privateUrl.status).toBe(422);
    expect(privateUrl.headers.get("content-type")).toBe("application/problem+json");
    expect((await privateUrl.json()).errors).toEqual([expect.objectContaining({ path: "url" })]);

    const created = await call(listRoute.POST, {
      token: admin,
      method: "POST",
      body: { url: `${base}/api`, events: ["gate.decided", "service.down"], description: "API test" },
    });
    expect(created.status).toBe(201);
    const hook = await created.json();
    try {
      expect(hook).toMatchObject({ version: 1, active: true, secret: expect.stringMatching(/^whsec_/) });
      const id = hook.id as string;

      const listed = await (await call(listRoute.GET, { token: admin })).json();
      expect(listed.find((w: { id: string }) => w.id === id)).not.toHaveProperty("secret");
      expect((await call(oneRoute.GET, { token: admin, id })).status).toBe(200);
      expect((await call(oneRoute.GET, { token: admin, id: "nope" })).status).toBe(404);

      const patched = await call(oneRoute.PATCH, {
        token: admin,
        id,
        method: "PATCH",
        body: { active: false, version: 1 },
      });
      expect(patched.status).toBe(200);
      expect((await patched.json()).version).toBe(2);
      const stale = await call(oneRoute.PATCH, {
        token: admin,
        id,
        method: "PATCH",
        body: { active: true, version: 1 },
      });
      expect(stale.status).toBe(409);
      expect((await stale.json()).current).toMatchObject({ version: 2 });

      const tested = await call(testRoute.POST, { token: admin, id, method: "POST" });
      expect(tested.status).toBe(201);
      const delivery = await tested.json();
      expect(delivery).toMatchObject({ event: "ping", status: "SUCCEEDED", lastStatus: 204, attempts: 1 });
      expect(hits).toBe(1);
      const log = await call(deliveriesRoute.GET, { token: admin, id });
      expect(log.status).toBe(200);
      expect((await log.json()).map((d: { id: string }) => d.id)).toEqual([delivery.id]);
      expect((await call(retryRoute.POST, { token: admin, id: delivery.id, method: "POST" })).status).toBe(409);
      expect((await call(retryRoute.POST, { token: business, id: delivery.id, method: "POST" })).status).toBe(403);

      const rotated = await call(rotateRoute.POST, { token: admin, id, method: "POST" });
      expect(rotated.status).toBe(200);
      expect((await rotated.json()).secret).not.toBe(hook.secret);

      expect((await call(oneRoute.DELETE, { token: business, id, method: "DELETE" })).status).toBe(403);
      const deleted = await call(oneRoute.DELETE, { token: admin, id, method: "DELETE" });
      expect(deleted.status).toBe(204);
      expect((await call(oneRoute.GET, { token: admin, id })).status).toBe(404);
    } finally {
      await db.webhook.deleteMany({ where: { id: hook.id } });
    }
  });
});
