// Findings 1 and 8 of the outside security review (docs/security.md), attacked over real HTTP against the production build: each
// request comes from its own loopback address, so the server sees distinct clients.
import { makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { expect, test } from "../support/fixtures";
import { requestFrom, signedInBy, signInFrom } from "../support/from-address";

// One block of loopback addresses per test (127.B.x.y, B from the worker and the test's place in
// it), so tests running in parallel never share a bucket; 127.0.0.1 stays the browser's.
let block = 0;
const addresses = () => {
  const b = 10 + test.info().parallelIndex * 40 + (block++ % 40);
  return (n: number) => `127.${b}.${Math.floor(n / 250)}.${(n % 250) + 2}`;
};

test("a repeated email field is refused before any password check: a decoy cannot steer the throttle", async ({
  prisma,
}) => {
  const at = addresses();
  const admin = await makeUser(prisma, { role: "ADMIN" });
  const decoy = `decoy-${Date.now()}@x.io`;
  const answer = await signInFrom(at(0), [
    ["email", decoy],
    ["email", admin.email],
    ["password", admin.password],
  ]);
  expect(answer.status).toBe(400);
  expect(answer.headers["content-type"]).toContain("application/problem+json");
  expect(JSON.parse(answer.body).detail).toBe('The sign-in form has the field "email" more than once.');
  expect(signedInBy(answer)).toBe(false);
  // A missing password, a repeated password: the same.
  expect((await signInFrom(at(0), [["email", admin.email]])).status).toBe(400);
  const twice = await signInFrom(at(0), [
    ["email", admin.email],
    ["password", "wrong-one"],
    ["password", admin.password],
  ]);
  expect(twice.status).toBe(400);
  expect(await prisma.loginAttempt.count({ where: { email: { in: [decoy, admin.email] } } })).toBe(0);
});

test("a forged X-Forwarded-For does not give a fresh bucket: the 11th try from one client is a 429", async ({
  prisma,
}) => {
  const at = addresses();
  const user = await makeUser(prisma, { role: "BUSINESS" });
  for (let i = 0; i < 10; i++) {
    const answer = await signInFrom(
      at(0),
      { email: user.email, password: "wrong-password" },
      {
        "x-forwarded-for": `203.0.113.${i + 1}`,
      },
    );
    expect(answer.status, `attempt ${i + 1}`).toBe(401);
  }
  const throttled = await signInFrom(
    at(0),
    { email: user.email, password: user.password },
    {
      "x-forwarded-for": "198.51.100.77",
    },
  );
  expect(throttled.status).toBe(429);
  expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(800);
  expect(signedInBy(throttled)).toBe(false);
  const rows = await prisma.loginAttempt.findMany({ where: { email: user.email }, select: { ip: true } });
  expect(new Set(rows.map((row) => row.ip))).toEqual(new Set([at(0)]));
});

test("guesses sent at the same moment are counted: no more than 10 of 30 reach the password check", async ({
  prisma,
}) => {
  const at = addresses();
  const user = await makeUser(prisma, { role: "IT" });
  const answers = await Promise.all(
    Array.from({ length: 30 }, () => signInFrom(at(0), { email: user.email, password: "wrong-password" })),
  );
  const checked = answers.filter((answer) => answer.status === 401).length;
  expect(checked).toBeLessThanOrEqual(10);
  expect(answers.filter((answer) => answer.status === 429)).toHaveLength(30 - checked);
});

test("20 failures from 20 addresses lock the account everywhere, and the owner is told", async ({ page, prisma }) => {
  const at = addresses();
  const user = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  for (let i = 0; i < 20; i++) {
    const answer = await signInFrom(at(i), { email: user.email, password: "wrong-password" });
    expect(answer.status, `attempt ${i + 1}`).toBe(401);
  }
  const fresh = await signInFrom(at(100), { email: user.email, password: user.password });
  expect(fresh.status).toBe(429);
  expect(JSON.parse(fresh.body).detail).toBe("Too many failed sign-ins for this account. Try again in 15 minutes.");

  // The browser (127.0.0.1, an address that never failed) is refused too, with the message.
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Too many failed sign-ins for this account. Try again in 15 minutes." }),
  ).toBeVisible();

  const notes = await prisma.notification.findMany({ where: { userId: user.id, kind: "ACCOUNT_LOCKED" } });
  expect(notes).toHaveLength(1);
  expect(notes[0]?.title).toMatch(/locked for 15 minutes after many wrong passwords/);
  expect(await prisma.auditEvent.count({ where: { action: "auth.account-locked", entityId: user.id } })).toBe(1);
});

test("a burst of failures from one address writes a handful of audit events, not one each", async ({ prisma }) => {
  const at = addresses();
  const from = at(0);
  for (let i = 0; i < 25; i++) {
    const email = `burst-${i}-${Date.now()}@nowhere.test`; // 25 accounts: no throttle, only failures
    expect((await signInFrom(from, { email, password: "wrong-password" })).status).toBe(401);
  }
  const detailed = await prisma.auditEvent.count({
    where: { action: "auth.sign-in-failed", after: { path: ["ip"], equals: from } },
  });
  const summaries = await prisma.auditEvent.findMany({
    where: { action: "auth.sign-in-burst", entityId: from },
    select: { after: true },
  });
  expect(detailed).toBe(10);
  expect(summaries).toEqual([{ after: expect.objectContaining({ ip: from, refusedSignIns: 11 }) }]);
});

test("a sign-in body over 8 KB is refused unread, and a chunked API body stops at 1 MB", async ({ prisma }) => {
  const at = addresses();
  const big = await requestFrom(at(0), "/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `email=a%40b.c&password=${"x".repeat(9000)}`,
  });
  expect(big.status).toBe(413);
  expect(big.headers["content-type"]).toContain("application/problem+json");

  // 64 MB offered in 64 KB chunks, no content-length: the answer comes long before the end.
  const admin = await makeUser(prisma, { role: "ADMIN" });
  const token = await createApiToken(prisma, admin.email, "chunked body");
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const chunked = await requestFrom(at(1), "/api/v1/use-cases", {
    method: "POST",
    headers: { "content-type": "application/json", "transfer-encoding": "chunked", authorization: `Bearer ${token}` },
    body: async function* () {
      for (let i = 0; i < 1024; i++) yield chunk;
    },
  });
  // The 413 problem, or (when the server's close beat its answer to us) a closed connection, or a
  // socket the server no longer reads: either way it stopped long before the 64 MB were sent.
  if (chunked.status === 0) expect(["EPIPE", "ECONNRESET", "STALLED"]).toContain(chunked.error);
  else {
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).detail).toBe("The request body is larger than 1 MB.");
  }
  expect(chunked.bytesSent).toBeLessThan(16 * 1024 * 1024);
});
