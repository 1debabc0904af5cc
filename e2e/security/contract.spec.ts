// Contract tests of the HTTP API, driven by the OpenAPI registry (server/openapi/paths/):
// for every operation, over real HTTP, the wrapper's and the handler's error statuses and the
// documented success (its body checked with the operation's response schema), and every status
// seen must be one the document lists. The valid request of each operation comes from
// e2e/security/contract-cases/; an operation without an entry there fails, so none is skipped silently.
import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { ROLES, type Role } from "@/lib/lifecycle";
import { makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { type Endpoint, WRAPPER_ERRORS } from "@/server/openapi/endpoint";
import { ENDPOINTS } from "@/server/openapi/paths";
import { routeEntries } from "@/test-support/app-routes";
import { test as base, expect, postCredentials } from "../support/fixtures";
import { CASES } from "./contract-cases";
import type { Actor, Ctx, Req, User } from "./contract-cases/kit";

const test = base.extend<{ ctx: Ctx }, { people: { users: Record<Role, User>; owner: User } }>({
  people: [
    async ({ prisma }, use) => {
      const users: Partial<Record<Role, User>> = {};
      for (const role of ROLES) users[role] = await makeUser(prisma, { role });
      const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
      await use({ users: users as Record<Role, User>, owner });
    },
    { scope: "worker" },
  ],
  // Fresh tokens for each test: the per-token rate limit (600/min) never counts one test's requests with another's.
  ctx: async ({ request, prisma, people, playwright, baseURL }, use) => {
    const actors: Partial<Record<Role, Actor>> = {};
    for (const role of ROLES) {
      const user = people.users[role];
      actors[role] = { ...user, token: await createApiToken(prisma, user.email, "contract tests") };
    }
    const tag = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
    const sessions = new Map<Role, APIRequestContext>();
    const session = async (role: Role) => {
      let context = sessions.get(role);
      if (!context) {
        context = await playwright.request.newContext({
          baseURL,
          extraHTTPHeaders: { origin: new URL(baseURL ?? "http://127.0.0.1").origin },
        });
        const signedIn = await postCredentials(context, people.users[role].email, people.users[role].password);
        if (!signedIn.ok()) throw new Error(`Sign-in of the ${role} user failed: ${signedIn.status()}`);
        sessions.set(role, context);
      }
      return context;
    };
    await use({ request, prisma, actors: actors as Record<Role, Actor>, owner: people.owner, tag, session });
    for (const context of sessions.values()) await context.dispose();
    // Revoked after the test: a worker's users would otherwise reach the 20-active-token cap.
    await prisma.apiToken.updateMany({
      where: { userId: { in: Object.values(people.users).map((user) => user.id) }, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  },
});

const MB = 1024 * 1024;
const OTHER_ROLES = ["BUSINESS", "IT", "DATA_SCIENTIST"] as const satisfies readonly Role[];
const UNKNOWN_KEY = "UC-99999999";
const cuidLike = () => `c${randomBytes(12).toString("hex")}`;

/** Every status the document gives the operation: its success, other answers, errors, and the wrapper's. */
function documentedStatuses(endpoint: Endpoint): Set<number> {
  return new Set([
    endpoint.success.status,
    ...(endpoint.otherResponses ?? []).map((response) => response.status),
    ...endpoint.errors,
    ...(endpoint.public ? [] : WRAPPER_ERRORS),
  ]);
}

/** The schema of a documented non-problem answer with this status. */
function schemaOf(endpoint: Endpoint, status: number) {
  if (endpoint.success.status === status) return endpoint.success.schema;
  return endpoint.otherResponses?.find((response) => response.status === status)?.schema;
}

const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);

function urlOf(path: string, req: Req): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = req.params?.[name];
    if (value === undefined) throw new Error(`The request has no value for {${name}} of ${path}.`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams(req.query ?? {}).toString();
  return query ? `${filled}?${query}` : filled;
}

type Sent = { label: string; status: number; body: string; requestId: string };

/** Writes that change no record, so write no audit event: why. */
const NO_AUDIT_EVENT: Record<string, string> = {
  updateSettings: "the contract's save changes no field (a save that changes nothing writes nothing)",
  checkService: "a health probe observes; its result goes to the probe history, not the audit trail",
  importComposeServices: "without ?save=true it is a preview",
  syncModels: "a sync observes the registry; its result goes to the link's cache, not the audit trail",
};

/** Send `req` to `endpoint` (as `auth`'s token, with a bogus one, or with none) and check any problem answer. */
async function send(
  ctx: Ctx,
  endpoint: Endpoint,
  req: Req,
  auth: Role | "bogus" | null,
  label: string,
  log: Sent[],
  viaSession = false,
): Promise<Sent> {
  const headers: Record<string, string> = {};
  let context = ctx.request;
  if (auth === "bogus") headers.authorization = "Bearer rb_not-a-real-token";
  else if (auth && viaSession) context = await ctx.session(auth);
  else if (auth) headers.authorization = `Bearer ${ctx.actors[auth].token}`;
  let data: string | undefined;
  if (req.raw) {
    headers["content-type"] = req.raw.contentType;
    data = req.raw.data;
  } else if (req.body !== undefined) {
    headers["content-type"] = "application/json";
    data = JSON.stringify(req.body);
  }
  const url = urlOf(endpoint.path, req);
  const response = await context.fetch(url, {
    method: endpoint.method,
    headers,
    // A Buffer: Playwright would JSON-encode a string that is not valid JSON.
    ...(data === undefined ? {} : { data: Buffer.from(data) }),
    maxRedirects: 0,
  });
  const sent = {
    label: `${label} [${endpoint.method} ${url.slice(0, 120)}${auth ? ` as ${auth}${viaSession ? " (session)" : ""}` : ""}]`,
    status: response.status(),
    body: await response.text(),
    requestId: response.headers()["x-request-id"] ?? "",
  };
  log.push(sent);
  // Never a 500, anywhere.
  expect(sent.status, `${sent.label} answered 500: ${sent.body}`).not.toBe(500);
  if (sent.status >= 400) expectProblem(sent, response.headers()["content-type"] ?? "");
  return sent;
}

/** An RFC 9457 problem: its content type, its `status` and `title`; a 422's `errors[]` with `path` and `message`. */
function expectProblem(sent: Sent, contentType: string) {
  expect.soft(contentType, `${sent.label}: a problem's content type`).toContain("application/problem+json");
  let body: { status?: unknown; title?: unknown; errors?: unknown } = {};
  try {
    body = JSON.parse(sent.body);
  } catch {
    expect.soft(sent.body, `${sent.label}: a problem is JSON`).toBe("a JSON problem document");
  }
  expect.soft(body.status, `${sent.label}: the problem's status`).toBe(sent.status);
  expect.soft(typeof body.title, `${sent.label}: the problem's title`).toBe("string");
  if (sent.status === 422) {
    const errors = body.errors as { path?: unknown; message?: unknown }[] | undefined;
    expect
      .soft(Array.isArray(errors) && errors.length > 0, `${sent.label}: a 422 lists errors[]: ${sent.body}`)
      .toBe(true);
    for (const issue of Array.isArray(errors) ? errors : []) {
      expect.soft(typeof issue.path, `${sent.label}: errors[].path in ${sent.body}`).toBe("string");
      expect.soft(typeof issue.message, `${sent.label}: errors[].message in ${sent.body}`).toBe("string");
    }
  }
}

function expectStatus(sent: Sent, status: number) {
  expect.soft(sent.status, `${sent.label}: ${sent.body.slice(0, 400)}`).toBe(status);
}

function expectSchema(endpoint: Endpoint, sent: Sent) {
  // A file (a download): its bytes are the case's own to check.
  if (endpoint.success.binary && sent.status === endpoint.success.status) return;
  const schema = schemaOf(endpoint, sent.status);
  if (!schema) {
    expect.soft(sent.body, `${sent.label}: a ${sent.status} without a documented body`).toBe("");
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(sent.body);
  } catch {
    expect.soft(sent.body, `${sent.label}: the body is JSON`).toBe("JSON");
    return;
  }
  const parsed = schema.safeParse(json);
  expect
    .soft(parsed.success, `${sent.label}: the body matches its documented schema: ${parsed.error?.message ?? ""}`)
    .toBe(true);
}

const describeReq = (req: Req) =>
  JSON.stringify({ query: req.query, body: req.body, raw: req.raw?.data.slice(0, 40) }).slice(0, 120);

test.describe("API contract", () => {
  test("the case table names only documented operations", () => {
    const documented = new Set(ENDPOINTS.map((endpoint) => endpoint.operationId));
    expect(Object.keys(CASES).filter((id) => !documented.has(id))).toEqual([]);
  });

  test("the served document lists every operation with its statuses", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const doc = (await response.json()) as { paths: Record<string, Record<string, { responses: object }>> };
    for (const endpoint of ENDPOINTS) {
      const operation = doc.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
      expect.soft(operation, `${endpoint.operationId} is served`).toBeDefined();
      const statuses = Object.keys(operation?.responses ?? {}).map(Number);
      expect
        .soft(statuses.sort(), `${endpoint.operationId}'s responses`)
        .toEqual([...documentedStatuses(endpoint)].sort());
    }
  });

  for (const endpoint of ENDPOINTS) {
    test(`${endpoint.operationId}: ${endpoint.method} ${endpoint.path}`, async ({ ctx }) => {
      const contract = CASES[endpoint.operationId];
      if (!contract)
        throw new Error(
          `No contract case for ${endpoint.operationId}: add its minimal valid request to CASES in e2e/security/contract-cases/<tag>.ts.`,
        );
      const documented = documentedStatuses(endpoint);
      const as: Role = contract.as ?? "ADMIN";
      const log: Sent[] = [];
      const call = (req: Req, auth: Role | "bogus" | null, label: string, viaToken = false) =>
        send(ctx, endpoint, req, auth, label, log, contract.session === true && !viaToken);
      let valid = await contract.setup(ctx);

      // (a) No credentials, or a token that is not one: 401.
      if (!endpoint.public) {
        expectStatus(await call(valid, null, "(a) no credentials"), 401);
        expectStatus(await call(valid, "bogus", "(a) an unknown Bearer token"), 401);
      }

      // (c) Unknown path parameters, as ADMIN: 404 where documented.
      for (const name of pathParams(endpoint.path)) {
        for (const unknown of [UNKNOWN_KEY, cuidLike()]) {
          const sent = await call(
            { ...valid, params: { ...valid.params, [name]: unknown } },
            "ADMIN",
            `(c) unknown ${name}=${unknown}`,
          );
          if (endpoint.errors.includes(404)) expectStatus(sent, 404);
        }
      }

      // (d) Bodies: malformed JSON 400, over 1 MB 413, unknown or wrong-typed 422 (on an existing record).
      const where = { params: valid.params, query: valid.query };
      const json = "application/json";
      if (endpoint.body && "schema" in endpoint.body) {
        const malformed = await call({ ...where, raw: { data: '{"not json', contentType: json } }, as, "(d) malformed");
        if (endpoint.errors.includes(400)) expectStatus(malformed, 400);
        const huge = { ...where, raw: { data: `{"pad":"${"x".repeat(MB)}"}`, contentType: json } };
        const tooLarge = await call(huge, as, "(d) a body over 1 MB");
        if (endpoint.errors.includes(413)) expectStatus(tooLarge, 413);
        // `null` stands for "no body" where the body is optional.
        const wrong = endpoint.body.optional ? [{ __unknown: 1 }, [1, 2]] : [{ __unknown: 1 }, [1, 2], null];
        for (const body of wrong) {
          const sent = await call({ ...where, body }, as, `(d) body ${JSON.stringify(body)}`);
          if (endpoint.errors.includes(422)) expectStatus(sent, 422);
        }
      } else if (endpoint.body) {
        const { contentType, maxBytes } = endpoint.body;
        const huge = { ...where, raw: { data: `# ${"x".repeat(maxBytes)}\n`, contentType } };
        const tooLarge = await call(huge, as, `(d) a body over ${maxBytes} bytes`);
        if (endpoint.errors.includes(413)) expectStatus(tooLarge, 413);
      }
      for (const bad of contract.invalid?.(valid) ?? []) {
        expectStatus(await call(bad, as, `(d) invalid ${describeReq(bad)}`), 422);
      }

      // (b) The other roles, on records they do not own: 403 where a role may not.
      if (!endpoint.public) {
        const refused: Role[] = [];
        for (const role of OTHER_ROLES) {
          const sent = await call(contract.forbiddenRequest?.(valid) ?? valid, role, `(b) as ${role}`);
          if (sent.status === 403) refused.push(role);
          // It worked (the role may): the records may be used up, take fresh ones.
          else if (sent.status < 300 && endpoint.method !== "GET") valid = await contract.setup(ctx);
        }
        if (contract.adminOnly)
          expect.soft(refused, "(b) ADMIN only: every other role gets 403").toEqual([...OTHER_ROLES]);
        else if (endpoint.errors.includes(403) && !contract.noForbiddenRole)
          expect.soft(refused, "(b) 403 is documented: some role must be refused").not.toEqual([]);
      }

      // (e) The valid request: the documented success, with a body of the documented schema.
      const ok = await call(valid, as, "(e) the valid request");
      expectStatus(ok, endpoint.success.status);
      if (ok.status === endpoint.success.status) expectSchema(endpoint, ok);
      // Every mutation writes an audit event in its transaction, stamped with the request's id.
      if (endpoint.method !== "GET" && ok.status < 300 && !NO_AUDIT_EVENT[endpoint.operationId]) {
        expect(ok.requestId, `${ok.label}: an x-request-id`).not.toBe("");
        const events = await ctx.prisma.auditEvent.count({ where: { requestId: ok.requestId } });
        expect.soft(events, `${ok.label}: audit events of request ${ok.requestId}`).toBeGreaterThan(0);
      }
      if (contract.repeat !== undefined) expectStatus(await call(valid, as, "(e) the same again"), contract.repeat);

      if (contract.probes?.length) {
        const fresh = await contract.setup(ctx);
        for (const probe of contract.probes) {
          const sent = await call(
            await probe.request(ctx, fresh),
            probe.as ?? as,
            `probe: ${probe.label}`,
            probe.viaToken === true,
          );
          expectStatus(sent, probe.status);
          if (sent.status < 300 && sent.status === probe.status) expectSchema(endpoint, sent);
        }
      }

      // Each documented error the table can reach is reached (401 and 429 are the wrapper's; 409 is per case).
      const seen = new Set(log.map((sent) => sent.status));
      for (const status of [400, 403, 404, 413, 422] as const) {
        if (!endpoint.errors.includes(status) || (status === 403 && contract.noForbiddenRole)) continue;
        expect.soft(seen.has(status), `${status} is documented: no request of the table reached it`).toBe(true);
      }

      test.info().annotations.push({ type: "statuses seen", description: [...seen].sort().join(", ") });

      // (f) Every status seen is in the document.
      const undocumented = log
        .filter((sent) => !documented.has(sent.status))
        .map((sent) => `${sent.label} → ${sent.status}: ${sent.body.slice(0, 200)}`);
      expect(undocumented, `(f) statuses not documented (documented: ${[...documented].join(", ")})`).toEqual([]);
    });
  }

  // (h) A method a route does not have: 405, a problem, and the route's methods in Allow; OPTIONS
  // lists them too. Every route file under app/api (server/http/other-methods.ts), over real HTTP.
  test("every API route answers a method it does not have with a 405 problem and Allow", async ({ request }) => {
    const routes = new Map<string, Set<string>>();
    for (const entry of routeEntries().filter((e) => e.path.startsWith("/api/") && e.path !== "/api/[...path]"))
      routes.set(entry.path, (routes.get(entry.path) ?? new Set()).add(entry.method));
    expect(routes.size).toBeGreaterThan(60);
    const wrong: string[] = [];
    for (const [template, has] of routes) {
      const path = template.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => (name === "key" ? "UC-1" : "x"));
      const allowed = new Set(["OPTIONS", ...has, ...(has.has("GET") ? ["HEAD"] : [])]);
      const allow = [...allowed].sort().join(", ");
      const options = await request.fetch(path, { method: "OPTIONS" });
      if (options.status() !== 204 || options.headers().allow !== allow)
        wrong.push(`OPTIONS ${path} → ${options.status()} Allow: ${options.headers().allow}`);
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !has.has(m))) {
        const response = await request.fetch(path, { method, headers: { "content-type": "application/json" } });
        const body = await response.text();
        const problem = response.headers()["content-type"] === "application/problem+json" && JSON.parse(body);
        const expected = { type: "about:blank", status: 405, title: "Method Not Allowed" };
        if (
          response.status() !== 405 ||
          response.headers().allow !== allow ||
          !problem ||
          Object.entries(expected).some(([k, v]) => problem[k] !== v) ||
          !String(problem.detail).includes(`${method} is not allowed on ${path}`)
        )
          wrong.push(
            `${method} ${path} → ${response.status()} Allow: ${response.headers().allow} ${body.slice(0, 200)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    // HEAD of a route without GET: the 405 too (Next.js answers HEAD with the GET handler).
    const head = await request.fetch("/api/v1/conditions/x/close", { method: "HEAD" });
    expect(head.status()).toBe(405);
    expect(head.headers().allow).toBe("OPTIONS, POST");
  });

  // (g) A browser session's state-changing request must carry this site's Origin.
  test("a cookie session's mutating request needs this site's Origin", async ({ page, signInAs, baseURL }) => {
    await signInAs("DATA_SCIENTIST");
    const origin = new URL(baseURL ?? "http://127.0.0.1").origin;
    for (const endpoint of ENDPOINTS.filter((e) => e.method !== "GET" && !e.public)) {
      const url = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "key" ? "UC-1" : "x"));
      for (const headers of [{ origin: "http://evil.example" }, {}] as Record<string, string>[]) {
        const response = await page.request.fetch(url, {
          method: endpoint.method,
          headers: { ...headers, "content-type": "application/json" },
          data: "{}",
        });
        const label = `${endpoint.operationId} by cookie with Origin ${headers.origin ?? "(none)"}`;
        expect.soft(response.status(), `${label}: ${await response.text()}`).toBe(403);
        expect.soft(response.headers()["content-type"], label).toContain("application/problem+json");
      }
    }
    const title = `Contract cookie ${Date.now()}`;
    const same = await page.request.post("/api/v1/use-cases", { headers: { origin }, data: { title } });
    expect(same.status(), await same.text()).toBe(201);
    const read = await page.request.get("/api/v1/use-cases?limit=1");
    expect(read.status()).toBe(200);
  });
});
