import { makeUser } from "../prisma/seed/factories";
import { createApiToken } from "../server/auth/api-tokens";
import { expect, test } from "./fixtures";

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
