import { makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { expect, test } from "../support/fixtures";

test("/api/metrics: Prometheus text for the metrics token only, with API requests counted by route", async ({
  request,
  prisma,
}) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer wrong" } })).status()).toBe(401);
  // A user's API token is not the metrics token.
  const user = await makeUser(prisma, { role: "ADMIN" });
  const token = await createApiToken(prisma, user.email, "e2e metrics");
  expect((await request.get("/api/metrics", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);

  const missing = await request.get("/api/v1/use-cases/UC-99999999", { headers: { authorization: `Bearer ${token}` } });
  expect(missing.status()).toBe(404);

  const scrape = await request.get("/api/metrics", { headers: { authorization: "Bearer e2e-metrics-token" } });
  expect(scrape.status()).toBe(200);
  expect(scrape.headers()["content-type"]).toContain("text/plain");
  const text = await scrape.text();
  expect(text).toMatch(
    /^roadbook_http_requests_total\{route="\/api\/v1\/use-cases\/\{key\}",method="GET",status="404"\} [1-9]\d*$/m,
  );
  expect(text).toMatch(
    /^roadbook_http_request_duration_seconds_bucket\{le="0\.005",route="\/api\/v1\/use-cases\/\{key\}"/m,
  );
  expect(text).toMatch(/^roadbook_db_pool_connections\{state="total"\} [1-9]\d*$/m);
  expect(text).toContain("roadbook_process_resident_memory_bytes");
});

test("1,000 random API paths, signed in or not, add no metric series: routes are labelled by template", async ({
  request,
  prisma,
}) => {
  test.setTimeout(300_000);
  const user = await makeUser(prisma, { role: "IT" });
  const token = await createApiToken(prisma, user.email, "e2e metrics cardinality");
  const scrape = async () => {
    const response = await request.get("/api/metrics", { headers: { authorization: "Bearer e2e-metrics-token" } });
    expect(response.status()).toBe(200);
    return response.text();
  };
  const httpSeries = (text: string) =>
    text.split("\n").filter((line) => /^roadbook_http_request(s_total|_duration_seconds_count)\{/.test(line));
  const marker = `zq${Date.now().toString(36)}`;
  // A dot in each: a path like a file name (`x.json`) must not add a series either.
  const random = () => `${marker}.${Math.random().toString(36).slice(2, 8)}`;
  // Path shapes that reach API handlers (a documented route with an unknown value) and ones
  // that match no route at all; each is sent without credentials (401) and with a token (404).
  const shapes = [
    (r: string) => `/api/v1/use-cases/${r}`,
    (r: string) => `/api/v1/use-cases/${r}/gates`,
    (r: string) => `/api/v1/use-cases/UC-1/checklist/${r}`,
    (r: string) => `/api/v1/users/${r}`,
    (r: string) => `/api/v1/checklist-templates/${r}`,
    (r: string) => `/api/v1/webhooks/${r}/deliveries`,
    (r: string) => `/api/v1/${r}`,
    (r: string) => `/api/v1/use-cases/${r}/${r}`,
  ];
  const send = async (path: string, signedIn: boolean) => {
    const response = await request.get(path, signedIn ? { headers: { authorization: `Bearer ${token}` } } : {});
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
  };
  // Every shape once, both ways, so the series it may create exist before counting.
  for (const shape of shapes) for (const signedIn of [false, true]) await send(shape(random()), signedIn);
  const before = httpSeries(await scrape());

  const paths = Array.from({ length: 1000 }, (_, i) => ({ path: shapes[i % shapes.length]?.(random()) ?? "/", i }));
  for (let start = 0; start < paths.length; start += 25)
    await Promise.all(paths.slice(start, start + 25).map(({ path, i }) => send(path, i % 2 === 1)));

  const text = await scrape();
  expect(text).not.toContain(marker);
  const after = httpSeries(text);
  // Other tests running at the same time may add a few series of their own; 1,000 paths labelled
  // verbatim would add about 2,000.
  expect(after.length - before.length).toBeLessThan(20);
  const routes = new Set(after.map((line) => /route="([^"]*)"/.exec(line)?.[1]));
  for (const route of routes) expect(route === "unmatched" || route?.startsWith("/api/"), String(route)).toBe(true);
});
