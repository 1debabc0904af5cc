// Registering outgoing webhooks: the address policy, who may, and edits with the version.
import { describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { runDueDeliveries } from "./deliver";
import { listDeliveries, retryDelivery, sendTestDelivery } from "./deliveries";
import { enqueueWebhookEvent } from "./enqueue";
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  rotateWebhookSecret,
  updateWebhook,
} from "./manage-webhooks";
import { admin, base, code, enqueueOne, failure, hitsOf, startWebhookReceiver, webhook } from "./webhook-receiver";

startWebhookReceiver();

describe("registering outgoing webhooks", () => {
  it("refuses private and metadata addresses at registration, and does not deliver to a refused address", async () => {
    const actor = await admin();
    for (const url of ["http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data/"]) {
      const error = await failure(createWebhook(actor, { url, events: ["gate.decided"] }));
      expect(error.code).toBe("VALIDATION");
      expect(error.details.errors?.map((e) => e.path)).toEqual(["url"]);
    }
    expect(await db.webhook.count({ where: { url: { in: ["http://10.0.0.1/hook"] } } })).toBe(0);
    const schemaError = await failure(createWebhook(actor, { url: "ftp://x.example.com", events: [] }));
    expect(schemaError.details.errors?.map((e) => e.path).sort()).toEqual(["events", "url"]);
    expect(await code(createWebhook(actor, { url: `${base}/x`, events: ["gate.decided"], secret: "mine" }))).toBe(
      "VALIDATION",
    );

    // Registered while 127.0.0.1 was allowed; the allowlist then changes: nothing is sent.
    const hook = await webhook(actor, ["gate.requested"]);
    const row = await enqueueOne(hook.id);
    delete process.env.ROADBOOK_PROBE_ALLOW;
    const test = await sendTestDelivery(actor, hook.id);
    expect(test).toMatchObject({ status: "FAILED", attempts: 1, lastStatus: null });
    expect(test.lastError).toMatch(/^Blocked by policy/);
    await runDueDeliveries(new Date(Date.now() + 1000), { webhookIds: [hook.id] });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "FAILED",
      lastError: expect.stringMatching(/^Blocked by policy/),
    });
    expect(hitsOf(hook.path)).toHaveLength(0);
    // Nor may an edit move the webhook to a refused address.
    const edit = await failure(updateWebhook(actor, hook.id, { url: "http://10.0.0.1/", version: 1 }));
    expect(edit.details.errors?.map((e) => e.path)).toEqual(["url"]);
  });

  it("refuses every other role, writing nothing", async () => {
    const actor = await admin();
    const hook = await webhook(actor, ["gate.requested"]);
    const row = await enqueueOne(hook.id);
    for (const role of ["BUSINESS", "DATA_SCIENTIST", "IT"] as const) {
      const user = await makeUser(db, { role });
      const attempts = [
        createWebhook(user, { url: `${base}/nope`, events: ["gate.requested"] }),
        listWebhooks(user),
        getWebhook(user, hook.id),
        updateWebhook(user, hook.id, { description: "mine now", version: 1 }),
        rotateWebhookSecret(user, hook.id),
        sendTestDelivery(user, hook.id),
        listDeliveries(user, hook.id),
        retryDelivery(user, row.id),
        deleteWebhook(user, hook.id),
      ];
      for (const attempt of attempts) expect(await code(attempt)).toBe("FORBIDDEN");
    }
    // Counted by the refused creations' own URL: other files write webhooks meanwhile.
    expect(await db.webhook.count({ where: { url: `${base}/nope` } })).toBe(0);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ attempts: 0 });
    expect(await db.auditEvent.count({ where: { entityId: { in: [hook.id, row.id] } } })).toBe(1); // the creation
    expect(await getWebhook(actor, hook.id)).toMatchObject({ version: 1, description: "Test receiver" });
    expect(hitsOf(hook.path)).toHaveLength(0);
  });

  it("edits with the version (stale: CONFLICT) and deletes with the delivery log", async () => {
    const actor = await admin();
    const hook = await webhook(actor, ["gate.requested"]);
    const edited = await updateWebhook(actor, hook.id, {
      description: "Jenkins",
      events: ["service.down", "gate.decided", "service.down"],
      active: false,
      version: 1,
    });
    expect(edited).toMatchObject({ description: "Jenkins", events: ["gate.decided", "service.down"], version: 2 });
    const stale = await failure(updateWebhook(actor, hook.id, { description: "late", version: 1 }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details.current).toMatchObject({ description: "Jenkins", version: 2 });
    expect(await code(updateWebhook(actor, hook.id, { description: "x", version: 2, extra: 1 }))).toBe("VALIDATION");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: hook.id, action: "webhook.update" } });
    expect(audit.before).toMatchObject({ description: "Test receiver", active: true });
    expect(audit.after).toMatchObject({ description: "Jenkins", active: false });

    // Inactive: nothing is enqueued for it.
    await db.$transaction((tx) => enqueueWebhookEvent(tx, "gate.decided", { x: "1" }));
    const rows = await db.webhookDelivery.findMany({ where: { webhookId: hook.id, event: "gate.decided" } });
    expect(rows.filter((row) => (row.payload as { data: { x?: string } }).data.x === "1")).toEqual([]);
    await sendTestDelivery(actor, hook.id); // a test is sent even to an inactive webhook
    await deleteWebhook(actor, hook.id);
    expect(await db.webhook.findUnique({ where: { id: hook.id } })).toBeNull();
    expect(await db.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(0);
    expect(await code(getWebhook(actor, hook.id))).toBe("NOT_FOUND");
    expect(await db.auditEvent.count({ where: { entityId: hook.id, action: "webhook.delete" } })).toBe(1);
  });
});
