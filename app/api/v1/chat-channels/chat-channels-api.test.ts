import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db";
import { FakeSlack } from "@/test-support/fakes/chat-servers";
import * as oneRoute from "./[id]/route";
import * as listRoute from "./route";

// The HTTP surface of chat channels: status codes and problem bodies.
const slack = new FakeSlack();
beforeAll(async () => {
  await slack.start();
  process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
});
afterAll(async () => {
  await slack.stop();
  delete process.env.ROADBOOK_PROBE_ALLOW;
});

function call<P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  options: { token: string; method?: string; body?: unknown; id?: string },
) {
  const request = new Request("http://localhost/api/v1/chat-channels", {
    method: options.method ?? "GET",
    headers: { "content-type": "application/json", authorization: `Bearer ${options.token}` },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return handler(request, { params: Promise.resolve({ id: options.id ?? "" } as P) });
}

const tokenFor = async (role: "ADMIN" | "IT") =>
  createApiToken(db, (await makeUser(db, { role })).email, "chat channels test");

describe("the chat channels API", () => {
  it("answers 201/200/204 to an admin, 401/403/404/409/422 otherwise, and never shows the URL", async () => {
    const admin = await tokenFor("ADMIN");
    const it_ = await tokenFor("IT");
    expect((await call(listRoute.GET, { token: "rb_not-a-token" })).status).toBe(401);
    expect((await call(listRoute.GET, { token: it_ })).status).toBe(403);

    const bad = await call(listRoute.POST, {
      token: admin,
      method: "POST",
      body: { tool: "DISCORD", name: "", url: "hooks.slack.com", events: [] },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await bad.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(["events", "name", "tool", "url"]);

    const created = await call(listRoute.POST, {
      token: admin,
      method: "POST",
      body: { tool: "SLACK", name: "#ml-releases", url: slack.webhookUrl },
    });
    expect(created.status).toBe(201);
    const text = await created.text();
    expect(text).not.toContain("XXXXXXXXXXXXXXXXXXXXXXXX");
    const channel = JSON.parse(text) as { id: string; version: number };

    const stale = await call(oneRoute.PATCH, { token: admin, method: "PATCH", id: channel.id, body: { version: 9 } });
    expect(stale.status).toBe(409);
    const paused = await call(oneRoute.PATCH, {
      token: admin,
      method: "PATCH",
      id: channel.id,
      body: { version: channel.version, active: false },
    });
    expect(paused.status).toBe(200);
    expect(await paused.json()).toMatchObject({ active: false, version: 2 });
    expect((await call(oneRoute.DELETE, { token: it_, method: "DELETE", id: channel.id })).status).toBe(403);
    expect((await call(oneRoute.DELETE, { token: admin, method: "DELETE", id: channel.id })).status).toBe(204);
    expect((await call(oneRoute.DELETE, { token: admin, method: "DELETE", id: channel.id })).status).toBe(404);
  });
});
