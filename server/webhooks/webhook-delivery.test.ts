// Outgoing webhooks delivered to a real receiver: signing, retries with backoff, no redirects,
// giving up and retrying, and one delivery per row under concurrent rounds.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { BACKOFF_MINUTES, MAX_ATTEMPTS, runDueDeliveries } from "./deliver";
import { listDeliveries, retryDelivery, sendTestDelivery } from "./deliveries";
import { getWebhook, listWebhooks, rotateWebhookSecret } from "./manage-webhooks";
import { verifySignature } from "./signature";
import { admin, answers, code, enqueueOne, hitsFor, hitsOf, startWebhookReceiver, webhook } from "./webhook-receiver";

startWebhookReceiver();

describe("delivering outgoing webhooks to a real receiver", () => {
  it("shows the secret once, stores it encrypted, and signs deliveries with it", async () => {
    const actor = await admin();
    const hook = await webhook(actor, ["gate.requested"]);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(hook).toMatchObject({ active: true, version: 1, events: ["gate.requested"] });
    const stored = await db.webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(stored.secret).not.toContain(hook.secret);
    expect(stored.secret).not.toContain(hook.secret.slice("whsec_".length));
    expect(await getWebhook(actor, hook.id)).not.toHaveProperty("secret");
    expect((await listWebhooks(actor)).find((w) => w.id === hook.id)).not.toHaveProperty("secret");

    const delivery = await sendTestDelivery(actor, hook.id);
    expect(delivery).toMatchObject({ event: "ping", status: "SUCCEEDED", attempts: 1, lastStatus: 200 });
    const [hit] = hitsOf(hook.path);
    if (!hit) throw new Error("the receiver was not hit");
    expect(hit.method).toBe("POST");
    expect(hit.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Roadbook-Webhooks/1",
      "roadbook-event": "ping",
      "roadbook-delivery": delivery.id,
    });
    const signature = String(hit.headers["roadbook-signature"]);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(JSON.parse(hit.body)).toMatchObject({ id: delivery.id, event: "ping", data: { webhookId: hook.id } });
    expect(verifySignature(hook.secret, signature, hit.body)).toBe(true);
    expect(verifySignature(`whsec_${"A".repeat(43)}`, signature, hit.body)).toBe(false);
    expect(verifySignature(hook.secret, signature, `${hit.body} `)).toBe(false);
    expect(verifySignature(hook.secret, signature, hit.body, new Date(Date.now() + 6 * 60_000))).toBe(false);

    // Rotation: a new secret, shown once; the old one no longer verifies.
    const rotated = await rotateWebhookSecret(actor, hook.id);
    expect(rotated.secret).not.toBe(hook.secret);
    await sendTestDelivery(actor, hook.id);
    const second = hitsOf(hook.path)[1];
    if (!second) throw new Error("the receiver was not hit twice");
    const header = String(second.headers["roadbook-signature"]);
    expect(verifySignature(rotated.secret, header, second.body)).toBe(true);
    expect(verifySignature(hook.secret, header, second.body)).toBe(false);

    // Audit events for each change, never with the secret.
    const events = await db.auditEvent.findMany({ where: { entityId: hook.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual([
      "webhook.create",
      "webhook.test",
      "webhook.rotate-secret",
      "webhook.test",
    ]);
    const dump = JSON.stringify(events);
    expect(dump).not.toContain(hook.secret.slice(6));
    expect(dump).not.toContain(rotated.secret.slice(6));
    expect(dump).not.toContain(stored.secret);
  });

  it("retries with backoff: 500 then 200 gives 2 attempts, SUCCEEDED, after the 1-minute wait", async () => {
    const actor = await admin();
    const hook = await webhook(actor, ["gate.requested"]);
    answers.set(hook.path, [500, 200]);
    const row = await enqueueOne(hook.id);
    const t0 = new Date(Date.now() + 1000);
    const only = { webhookIds: [hook.id] };
    await runDueDeliveries(t0, only);
    const afterFirst = await db.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(afterFirst).toMatchObject({ status: "PENDING", attempts: 1, lastStatus: 500 });
    expect(afterFirst.lastError).toContain("HTTP 500");
    expect(afterFirst.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);
    await runDueDeliveries(new Date(t0.getTime() + 30_000), only); // not due yet
    expect(hitsFor(row.id)).toHaveLength(1);
    await runDueDeliveries(new Date(t0.getTime() + 60_000), only);
    const done = await db.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(done).toMatchObject({ status: "SUCCEEDED", attempts: 2, lastStatus: 200, lastError: null });
    expect(hitsFor(row.id)).toHaveLength(2);
    expect(await code(retryDelivery(actor, row.id))).toBe("CONFLICT");
  });

  it("never follows a redirect: a 3xx is a failed attempt", async () => {
    const actor = await admin();
    const hook = await webhook(actor, ["gate.requested"]);
    answers.set(hook.path, [302]);
    const delivery = await sendTestDelivery(actor, hook.id);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatus: 302 });
    expect(delivery.lastError).toContain("redirects are not followed");
    expect(hitsOf(`${hook.path}-redirected`)).toHaveLength(0);
  });

  it("gives up after the 6th failed attempt (FAILED), and 'retry now' makes it due again", async () => {
    const actor = await admin();
    const hook = await webhook(actor, ["gate.requested"]);
    answers.set(hook.path, [503]);
    const row = await enqueueOne(hook.id);
    let now = new Date(Date.now() + 1000);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await runDueDeliveries(now, { webhookIds: [hook.id] });
      const current = await db.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } });
      expect(current.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(current.status).toBe("PENDING");
        expect(current.nextAttemptAt.getTime() - now.getTime()).toBe((BACKOFF_MINUTES[attempt - 1] ?? 0) * 60_000);
        now = current.nextAttemptAt;
      } else expect(current).toMatchObject({ status: "FAILED", lastStatus: 503 });
    }
    expect(hitsFor(row.id)).toHaveLength(MAX_ATTEMPTS);
    await runDueDeliveries(new Date(now.getTime() + 86_400_000), { webhookIds: [hook.id] });
    expect(hitsFor(row.id)).toHaveLength(MAX_ATTEMPTS);

    const log = await listDeliveries(actor, hook.id);
    expect(log.find((d) => d.id === row.id)).toMatchObject({ status: "FAILED", attempts: 6, nextAttemptAt: null });
    expect(log.map((d) => d.createdAt)).toEqual(
      log
        .map((d) => d.createdAt)
        .sort()
        .reverse(),
    );
    const retried = await retryDelivery(actor, row.id);
    expect(retried).toMatchObject({ status: "PENDING" });
    answers.set(hook.path, [200]);
    await runDueDeliveries(new Date(), { webhookIds: [hook.id] });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "SUCCEEDED",
      attempts: 7,
    });
    const actions = await db.auditEvent.findMany({ where: { entityId: row.id }, select: { action: true } });
    expect(actions).toEqual([{ action: "webhook.retry" }]);
  });

  it("delivers a row once when two rounds run at the same time", async () => {
    const actor = await admin();
    const hook = await webhook(actor, ["gate.requested"]);
    const rows = [await enqueueOne(hook.id), await enqueueOne(hook.id), await enqueueOne(hook.id)];
    const now = new Date(Date.now() + 1000);
    const counts = await Promise.all([
      runDueDeliveries(now, { webhookIds: [hook.id] }),
      runDueDeliveries(now, { webhookIds: [hook.id] }),
    ]);
    expect(counts[0] + counts[1]).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(hitsFor(row.id)).toHaveLength(1);
    for (const row of rows)
      expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        status: "SUCCEEDED",
        attempts: 1,
      });
  });
});
