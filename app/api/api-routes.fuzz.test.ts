// Every API v1 handler, called in process (no server, no browser) with seeded fast-check
// requests: any method it exports, garbage or real path parameters, odd query strings, any
// content type, bodies that are JSON, broken JSON, text or bytes, and tokens of each scope, an
// unknown token and another scheme (the browser session needs Next.js's request scope: the
// cookie cells run over HTTP, in the authorization matrix). Whatever comes in, apiRoute must answer: never a 5xx (the database is up), and
// every 4xx an RFC 9457 problem (application/problem+json, its `status` the response's, a title,
// a detail, no stack trace). The deeper, operation-aware fuzz of each write runs over real HTTP
// in e2e/security/bad-input.spec.ts; this one is cheap, so it covers every handler and method.
//
// Reproduce a failure with its seed: FUZZ_SEED=<seed> (printed in the error); FUZZ_RUNS scales the runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { withOwnDatabase } from "@/scripts/test/own-database";
import { routeEntries } from "@/test-support/app-routes";
import { FUZZ_RUNS, seedOf } from "@/test-support/fuzz";

const own = withOwnDatabase("api_fuzz");

/** The route files apiRoute wraps (the API v1 handlers), with their methods and path parameters. */
const HANDLERS = routeEntries()
  .filter((entry) => /\bapiRoute\s*[<(]/.test(readFileSync(entry.file, "utf8")))
  .map((entry) => ({ ...entry, params: [...entry.path.matchAll(/\[(\.\.\.)?(\w+)\]/g)].map((m) => m[2] as string) }));

type Module = Record<
  string,
  (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>
>;

let credentials: string[] = [];
let realKey = "UC-1";

beforeAll(async () => {
  const db = own.db();
  const { makeUser, makeUseCase } = await import("@/prisma/seed/factories");
  const { createApiToken } = await import("@/server/auth/api-tokens");
  const admin = await makeUser(db, { role: "ADMIN" });
  const business = await makeUser(db, { role: "BUSINESS" });
  const useCase = await makeUseCase(db, { ownerId: business.id });
  realKey = `UC-${useCase.number}`;
  credentials = [
    `Bearer ${await createApiToken(db, admin.email, "fuzz admin")}`,
    `Bearer ${await createApiToken(db, business.email, "fuzz business")}`,
    `Bearer ${await createApiToken(db, business.email, "fuzz read-only", { scope: "read-only" })}`,
    "Bearer rbk_not-a-token",
    "Basic dXNlcjpwYXNz",
  ];
  process.env.ROADBOOK_API_RATE_LIMIT = "1000000"; // the fuzz sends thousands of requests on one token
});

const garbage = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("UC-0", "UC-999999999", "uc-1", "-1", "0", "1e309", "null", "..", "%", "a b", "😀", "x".repeat(300)),
  fc.uuid(),
);
const paramValue = fc.oneof(garbage, fc.constant("__REAL_KEY__"));

const query = fc.array(
  fc.tuple(fc.constantFrom("q", "limit", "cursor", "sort", "from", "to", "dryRun", "stage", "x"), garbage),
  {
    maxLength: 4,
  },
);

const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc
    .dictionary(
      fc.constantFrom("title", "version", "name", "url", "decision", "status", "ebitda", "items"),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map((value) => JSON.stringify(value)),
  fc.constantFrom("{", '{"title":', "[1,2", "\u0000", "\ud800", "title,owner\nx,y\n", "---\nservices: [", ""),
  fc.uint8Array({ maxLength: 64 }),
);

const contentType = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=latin1",
  "text/plain",
  "text/csv",
  "application/yaml",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "image/png",
);

describe("every API handler answers any request with a problem or a success, never a 5xx", () => {
  it("finds the handlers", () => {
    expect(HANDLERS.length).toBeGreaterThan(40);
  });

  for (const handler of HANDLERS) {
    it(`${handler.id}`, { timeout: 120_000 }, async () => {
      const module = (await import(/* @vite-ignore */ path.resolve(handler.file))) as Module;
      const call = module[handler.method];
      expect(call, `${handler.file} exports no ${handler.method}`).toBeTypeOf("function");
      if (!call) return;
      const seed = seedOf(`in-process ${handler.id}`);
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            params: fc.tuple(...handler.params.map(() => paramValue)),
            query,
            body,
            contentType,
            credential: fc.nat({ max: credentials.length - 1 }),
          }),
          async (input) => {
            const params = Object.fromEntries(
              handler.params.map((name, i) => {
                const raw = input.params[i] === "__REAL_KEY__" ? realKey : (input.params[i] as string);
                return [name, handler.path.includes(`[...${name}]`) ? raw.split("/") : raw];
              }),
            );
            const url = new URL(`http://roadbook.test${handler.path.replace(/\[(\.\.\.)?\w+\]/g, "x")}`);
            for (const [k, v] of input.query) url.searchParams.append(k, v);
            const headers = new Headers();
            headers.set("authorization", credentials[input.credential] ?? "");
            if (input.contentType) headers.set("content-type", input.contentType);
            const hasBody = !["GET", "HEAD"].includes(handler.method) && input.body !== undefined;
            const request = new Request(url, {
              method: handler.method,
              headers,
              ...(hasBody ? { body: input.body as BodyInit } : {}),
            });
            const response = await call(request, { params: Promise.resolve(params) });
            const text = await response.text();
            const said = `${handler.method} ${url.pathname}${url.search} params=${JSON.stringify(params)} as #${input.credential} (${input.contentType ?? "no type"}) -> ${response.status}: ${text.slice(0, 300)}`;
            expect(response.status, said).toBeLessThan(500);
            if (response.status >= 400) {
              expect(response.headers.get("content-type"), said).toContain("application/problem+json");
              const problem = JSON.parse(text) as Record<string, unknown>;
              expect(problem.status, said).toBe(response.status);
              expect(problem.title, said).toEqual(expect.any(String));
              expect(problem.detail, said).toEqual(expect.any(String));
              expect(text, said).not.toMatch(/\n\s+at |node_modules|prisma\./i);
            }
          },
        ),
        { seed, numRuns: Math.max(1, Math.round(25 * FUZZ_RUNS)), endOnFailure: true },
      );
    });
  }
});
