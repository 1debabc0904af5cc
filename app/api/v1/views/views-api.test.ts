import { describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { db } from "@/server/db";
import * as oneRoute from "./[id]/route";
import * as listRoute from "./route";

// The HTTP surface of saved views: statuses and problem bodies.
function call<P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  options: { token: string; method?: string; body?: unknown; id?: string },
) {
  const request = new Request("http://localhost/api/v1/views", {
    method: options.method ?? "GET",
    headers: { "content-type": "application/json", authorization: `Bearer ${options.token}` },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return handler(request, { params: Promise.resolve({ id: options.id ?? "" } as P) });
}

async function tokenFor(role: "BUSINESS" | "IT" | "DATA_SCIENTIST") {
  const user = await makeUser(db, { role });
  return createApiToken(db, user.email, "views test");
}

describe("the views API", () => {
  it("answers 201/200/204 to the owner, 403/404/409/422 problems otherwise", async () => {
    const business = await tokenFor("BUSINESS");
    const it_ = await tokenFor("IT");
    const created = await call(listRoute.POST, {
      token: business,
      method: "POST",
      body: { name: "Shared one", shared: true, query: "stage=POC&page=4" },
    });
    expect(created.status).toBe(201);
    const view = (await created.json()) as { id: string; version: number; query: string };
    expect(view.query).toBe("stage=POC");

    const refused = await call(listRoute.POST, { token: it_, method: "POST", body: { name: "x", shared: true } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");

    const same = await call(listRoute.POST, { token: business, method: "POST", body: { name: "Shared one" } });
    expect(same.status).toBe(422);
    expect(((await same.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe("name");

    expect((await call(oneRoute.GET, { token: it_, id: view.id })).status).toBe(200);
    expect(
      (await call(oneRoute.PATCH, { token: it_, method: "PATCH", id: view.id, body: { version: 1, name: "Mine" } }))
        .status,
    ).toBe(403);
    const ok = await call(oneRoute.PATCH, {
      token: business,
      method: "PATCH",
      id: view.id,
      body: { version: 1, name: "Renamed" },
    });
    expect(ok.status).toBe(200);
    const stale = await call(oneRoute.PATCH, {
      token: business,
      method: "PATCH",
      id: view.id,
      body: { version: 1, name: "Again" },
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { current: { name: string } }).current.name).toBe("Renamed");
    expect((await call(oneRoute.DELETE, { token: it_, method: "DELETE", id: view.id })).status).toBe(403);
    expect((await call(oneRoute.DELETE, { token: business, method: "DELETE", id: view.id })).status).toBe(204);
    expect((await call(oneRoute.GET, { token: business, id: view.id })).status).toBe(404);
  });
});
