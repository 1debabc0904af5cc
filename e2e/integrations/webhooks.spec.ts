import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { expect, test } from "../support/fixtures";

type Received = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

/** A webhook receiver on this machine (the e2e server may reach 127.0.0.1): records every request, answers 200. */
async function receiver(): Promise<{ url: string; received: Received[]; close: () => void }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/roadbook-hook`, received, close: () => server.close() };
}

/** Verify `roadbook-signature: t=…,v1=…` as a receiver would: HMAC-SHA256 of "<t>.<raw body>", constant-time compare. */
function verify(secret: string, request: Received): boolean {
  const header = String(request.headers["roadbook-signature"] ?? "");
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300 || !parts.v1) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${request.body}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

test("an admin registers a webhook, sends a test the receiver can verify, and a gate request is delivered", async ({
  page,
  request,
  prisma,
  signInAs,
}) => {
  test.setTimeout(120_000);
  const hook = await receiver();
  const description = `Release bot ${Date.now()}`;
  try {
    await signInAs("ADMIN");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    const form = page.getByRole("form", { name: "New webhook" });
    await expect(form.getByRole("button", { name: "Add webhook" })).toBeEnabled();
    await form.getByLabel("Address").fill(hook.url);
    await form.getByLabel("Description").fill(description);
    await form.getByRole("checkbox", { name: /gate\.requested/ }).check();
    await form.getByRole("button", { name: "Add webhook" }).click();

    // The secret, shown once.
    const notice = page.getByRole("status").filter({ hasText: "The signing secret, shown only now." });
    await expect(notice).toBeVisible();
    const secret = (await notice.locator("code").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_\S{20,}$/);
    const stored = await prisma.webhook.findFirstOrThrow({ where: { description } });
    expect(JSON.stringify(stored)).not.toContain(secret); // kept encrypted
    expect(stored).toMatchObject({ url: hook.url, events: ["gate.requested"], active: true });

    const row = page.getByRole("listitem", { name: description, exact: true });
    await expect(row).toContainText(hook.url);
    await expect(row).toContainText("gate.requested");
    await row.getByRole("button", { name: `Send test to ${description}` }).click();
    await expect(row.getByRole("status")).toContainText("Delivered");
    await expect(row.getByRole("status")).toContainText("HTTP 200");

    // The receiver got a ping, signed with the shown secret.
    const ping = hook.received.find((r) => r.headers["roadbook-event"] === "ping");
    expect(ping, "a ping reached the receiver").toBeDefined();
    if (!ping) return;
    expect(ping.method).toBe("POST");
    expect(ping.url).toBe("/roadbook-hook");
    expect(ping.headers["content-type"]).toContain("application/json");
    expect(verify(secret, ping)).toBe(true);
    expect(verify(`${secret}x`, ping)).toBe(false);
    expect(verify(secret, { ...ping, body: `${ping.body} ` })).toBe(false);
    const pingBody = JSON.parse(ping.body);
    expect(pingBody).toMatchObject({ event: "ping", id: ping.headers["roadbook-delivery"] });

    // The delivery log shows it as delivered.
    await row.getByRole("link", { name: `Deliveries of ${description}` }).click();
    const log = page.getByRole("region", { name: `Deliveries to ${hook.url}` });
    const delivery = log.getByRole("listitem", { name: `Delivery ${pingBody.id}` });
    await expect(delivery).toContainText("Delivered");
    await expect(delivery).toContainText("ping");
    await expect(delivery).toContainText("1 attempt · HTTP 200");
    await expect(delivery.getByRole("button", { name: "Retry now" })).toHaveCount(0);

    // A gate request on a use case that meets G1's criteria is delivered by the next round.
    const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
    const useCase = await makeUseCase(prisma, {
      ownerId: owner.id,
      title: `Webhooked ${Date.now()}`,
      output: "A demand forecast",
      outcome: "Less waste",
      benefitArea: "COST_REDUCTION",
      ebitda: { low: "100000", base: "200000", high: "300000" },
      pocResult: "MAPE 11%",
    });
    const key = formatKey(useCase.number);
    const ownerAuth = { authorization: `Bearer ${await createApiToken(prisma, owner.email, "e2e")}` };
    const requested = await request.post(`/api/v1/use-cases/${key}/gates`, {
      headers: ownerAuth,
      data: { note: "Ready for the prototype" },
    });
    expect(requested.status()).toBe(201);
    const gate = await requested.json();

    const ours = (r: Received) =>
      r.headers["roadbook-event"] === "gate.requested" && JSON.parse(r.body).data?.useCase?.key === key;
    await expect
      .poll(() => hook.received.filter(ours).length, { timeout: 40_000, intervals: [500] })
      .toBeGreaterThan(0);
    const delivered = hook.received.find(ours);
    if (!delivered) return;
    expect(verify(secret, delivered)).toBe(true);
    expect(JSON.parse(delivered.body)).toMatchObject({
      id: delivered.headers["roadbook-delivery"],
      event: "gate.requested",
      data: {
        useCase: { key, title: useCase.title },
        gateId: gate.id,
        gate: "G1",
        fromStage: "POC",
        toStage: "PROTOTYPE",
        requestedBy: owner.id,
        note: "Ready for the prototype",
      },
    });

    await page.reload();
    await expect(log.getByRole("listitem").filter({ hasText: "gate.requested" }).first()).toContainText("Delivered");
  } finally {
    hook.close();
    // Other workers request gates too: stop queueing deliveries to a receiver that is gone.
    await prisma.webhook.updateMany({ where: { description }, data: { active: false } });
  }
});

test("a cloud metadata address is refused on the URL field and nothing is saved", async ({
  page,
  prisma,
  signInAs,
}) => {
  await signInAs("ADMIN");
  const description = `Metadata grabber ${Date.now()}`;
  await page.goto("/admin/webhooks");
  const form = page.getByRole("form", { name: "New webhook" });
  await expect(form.getByRole("button", { name: "Add webhook" })).toBeEnabled();
  await form.getByLabel("Address").fill("http://169.254.169.254/");
  await form.getByLabel("Description").fill(description);
  await form.getByRole("checkbox", { name: /gate\.decided/ }).check();
  await form.getByRole("button", { name: "Add webhook" }).click();

  await expect(form.getByText(/This address is refused by the address policy/)).toBeVisible();
  await expect(form.getByLabel("Address")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Address")).toHaveValue("http://169.254.169.254/");
  await expect(form.getByLabel("Description")).toHaveValue(description);
  await expect(page.getByRole("status").filter({ hasText: "The signing secret" })).toHaveCount(0);
  await expect(page.getByRole("listitem", { name: description })).toHaveCount(0);
  expect(await prisma.webhook.count({ where: { description } })).toBe(0);
  expect(await prisma.webhook.count({ where: { url: "http://169.254.169.254/" } })).toBe(0);
});

test("webhooks over the API are for admins only", async ({ request, prisma }) => {
  const business = await makeUser(prisma, { role: "BUSINESS" });
  const admin = await makeUser(prisma, { role: "ADMIN" });
  const businessAuth = { authorization: `Bearer ${await createApiToken(prisma, business.email, "e2e")}` };
  const adminAuth = { authorization: `Bearer ${await createApiToken(prisma, admin.email, "e2e")}` };

  const refused = await request.get("/api/v1/webhooks", { headers: businessAuth });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  const create = await request.post("/api/v1/webhooks", {
    headers: businessAuth,
    data: { url: "http://127.0.0.1:9/", events: ["gate.decided"] },
  });
  expect(create.status()).toBe(403);
  expect(await prisma.webhook.count({ where: { url: "http://127.0.0.1:9/" } })).toBe(0);

  const allowed = await request.get("/api/v1/webhooks", { headers: adminAuth });
  expect(allowed.status()).toBe(200);
  expect(JSON.stringify(await allowed.json())).not.toMatch(/whsec_/);
});
