// Bad input never breaks anything (guarantee 2 in docs/security.md), over real HTTP against the production
// build. For every write operation of the OpenAPI registry (server/openapi/paths/), with
// seeded fast-check properties: malformed JSON, wrong types, huge strings, odd Unicode, unknown
// fields, bad money, injection strings, wrong content types and garbage path parameters. Every
// answer must be a 4xx RFC 9457 problem (never a 5xx); a 2xx only for input the operation's own
// schema accepts; and a refused write must leave every row it could touch as it was (the
// snapshot of test-support/bad-input-targets/, taken before and after each request).
//
// Reproduce a failure with its seed: FUZZ_SEED=<seed> (the base seed is printed in the error).
// Nothing is left out: NUL characters and lone UTF-16 surrogates in text or ids (refused with a
// 422/404 before PostgreSQL), and broken percent-encodings in a path (a 400 from proxy.ts), are
// all thrown at every operation.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import type { Role } from "@/lib/lifecycle";
import { makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { TARGETS } from "@/test-support/bad-input-targets";
import type { Actor, TargetCtx, User } from "@/test-support/bad-input-targets/kit";
import { FUZZ_RUNS, FUZZ_SEED, seedOf } from "@/test-support/fuzz";
import { test as base, expect } from "../support/fixtures";
import { categories, WRITES } from "./bad-input/categories";
import { fire, type World } from "./bad-input/oracle";
import { buildShot, type Mutation } from "./bad-input/shots";

type People = { admin: Actor; business: Actor; owner: User };

const test = base.extend<object, { people: People }>({
  people: [
    async ({ prisma }, use) => {
      const withToken = async (role: Role): Promise<Actor> => {
        const user = await makeUser(prisma, { role });
        return { ...user, token: await createApiToken(prisma, user.email, "bad-input setup") };
      };
      await use({
        admin: await withToken("ADMIN"),
        business: await withToken("BUSINESS"),
        owner: await makeUser(prisma, { role: "DATA_SCIENTIST" }),
      });
    },
    { scope: "worker" },
  ],
});

// Traces would keep every fuzzed request (megabytes of them) for each failure.
test.use({ trace: "off" });

test.describe("bad input never breaks anything", () => {
  test("every write operation of the registry has a fuzz target", () => {
    const missing = WRITES.map((e) => e.operationId).filter((id) => !TARGETS[id]);
    expect(missing, "add them to TARGETS in test-support/bad-input-targets/<tag>.ts").toEqual([]);
    const stale = Object.keys(TARGETS).filter((id) => !WRITES.some((e) => e.operationId === id));
    expect(stale, "targets of operations the registry no longer has").toEqual([]);
  });

  for (const endpoint of WRITES) {
    test(`${endpoint.operationId}: ${endpoint.method} ${endpoint.path}`, async ({ request, prisma, people }) => {
      const target = TARGETS[endpoint.operationId];
      if (!target)
        throw new Error(
          `No fuzz target for ${endpoint.operationId}: add it to TARGETS in test-support/bad-input-targets/<tag>.ts.`,
        );
      const user = await makeUser(prisma, { role: target.as });
      const actor = { ...user, token: await createApiToken(prisma, user.email, "bad-input fuzz") };
      const tag = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
      const ctx: TargetCtx = { request, prisma, ...people, actor, tag };
      const prepared = await target.setup(ctx);
      const world: World = { ctx, endpoint, prepared, log: [] };
      const failures: string[] = [];

      for (const category of categories(endpoint)) {
        const seed = seedOf(`${endpoint.operationId}:${category.name}`);
        await test.step(category.name, async () => {
          try {
            await fc.assert(
              fc.asyncProperty(category.arb, async (mutation) => {
                const valid = prepared.valid ? await prepared.valid() : undefined;
                const { shot } = buildShot(endpoint, prepared, valid, mutation);
                await fire(world, shot);
              }),
              {
                seed,
                // Examples count as runs: every example, then the random ones.
                numRuns: (category.examples?.length ?? 0) + Math.max(1, Math.round(category.runs * FUZZ_RUNS)),
                examples: (category.examples ?? []).map((m) => [m] as [Mutation]),
                endOnFailure: true,
              },
            );
          } catch (error) {
            const cause = (error as Error).cause as Error | undefined;
            failures.push(
              `[${category.name}] (FUZZ_SEED=${FUZZ_SEED}, seed ${seed})\n${(error as Error).message}\n${cause?.message ?? ""}`,
            );
          }
        });
      }
      const statuses = world.log.reduce<Record<number, number>>(
        (acc, { status }) => Object.assign(acc, { [status]: (acc[status] ?? 0) + 1 }),
        {},
      );
      test
        .info()
        .annotations.push({ type: "requests", description: `${world.log.length}: ${JSON.stringify(statuses)}` });
      await prepared.cleanup?.();
      expect(failures, failures.join("\n\n")).toEqual([]);
    });
  }
});

// The three classes the fuzzing once found answering 500, pinned as plain examples.
test.describe("characters PostgreSQL cannot store, and addresses that cannot be decoded", () => {
  test("a NUL or a lone surrogate in a body is a 422 naming the field; nothing is written", async ({
    request,
    prisma,
    people,
  }) => {
    const auth = { authorization: `Bearer ${people.admin.token}` };
    const prefix = `Unstorable ${randomBytes(4).toString("hex")}`;
    for (const title of [`${prefix} \u0000`, `${prefix} \ud800`]) {
      const response = await request.post("/api/v1/use-cases", {
        headers: { ...auth, "content-type": "application/json" },
        data: JSON.stringify({ title, output: "x", outcome: "y", benefitArea: "COST_REDUCTION" }),
      });
      expect(response.status()).toBe(422);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      const body = await response.json();
      expect(body.errors).toContainEqual({ path: "title", message: expect.stringContaining("cannot be stored") });
    }
    expect(await prisma.useCase.count({ where: { title: { startsWith: prefix } } })).toBe(0);
  });

  test("a NUL in an address or in an API query is a 400", async ({ request, people }) => {
    const auth = { authorization: `Bearer ${people.admin.token}` };
    const decide = await request.post("/api/v1/gates/a%00b/decisions", {
      headers: auth,
      data: { decision: "GO", rationale: "Fine" },
    });
    expect(decide.status()).toBe(400);
    const list = await request.get("/api/v1/use-cases?q=%00", { headers: auth });
    expect(list.status()).toBe(400);
    expect((await list.json()).title).toBe("Bad Request");
  });

  test("a broken percent-encoding is a 400: a problem from the API, a page elsewhere", async ({ request }) => {
    const api = await request.get("/api/v1/use-cases/%zz");
    expect(api.status()).toBe(400);
    expect(api.headers()["content-type"]).toContain("application/problem+json");
    expect((await api.json()).detail).toContain("malformed");
    const page = await request.get("/use-cases/%E0%A4%A");
    expect(page.status()).toBe(400);
    expect(await page.text()).toContain("This address is malformed");
  });
});
