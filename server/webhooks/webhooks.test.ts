import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { formatKey, type Role } from "../../lib/lifecycle";
import { makeChecklist, makeUseCase, makeUser } from "../../prisma/seed/factories";
import { signOffChecklist } from "../checklists/sign-off-checklist";
import { db } from "../db";
import { DomainError } from "../errors";
import { decideGate } from "../gates/decide-gate";
import { requestGateReview } from "../gates/request-gate-review";
import { probeAndRecord } from "../services/check-service";
import { createService } from "../services/services";
import { createActual } from "../value/actuals";
import { BACKOFF_MINUTES, MAX_ATTEMPTS, runDueDeliveries } from "./deliver";
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
import { verifySignature } from "./signature";

// A real receiver on 127.0.0.1: each test uses its own path; answers are queued per path.
type Hit = { path: string; method: string; headers: http.IncomingHttpHeaders; body: string };
let server: http.Server;
let base: string;
const hits: Hit[] = [];
const answers = new Map<string, number[]>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const path = req.url ?? "/";
      hits.push({ path, method: req.method ?? "", headers: req.headers, body });
      const queue = answers.get(path);
      const status = (queue && queue.length > 1 ? queue.shift() : queue?.[0]) ?? 200;
      const location = status >= 300 && status < 400 ? { location: `${path}-redirected` } : {};
      res
        .writeHead(status, { "content-type": "text/plain", ...location })
        .end(status < 300 ? "ok" : "receiver trouble");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
});
afterAll(() => {
  server.close();
  delete process.env.ROADBOOK_PROBE_ALLOW;
});

// Webhooks are global: remove this file's after each test, so other test files' events stop flowing to them.
const created: string[] = [];
afterEach(async () => {
  process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
  await db.webhook.deleteMany({ where: { id: { in: created.splice(0) } } });
});

let pathCounter = 0;
const uniquePath = (name: string) => `/${name}-${Date.now().toString(36)}-${pathCounter++}`;
const hitsOf = (path: string) => hits.filter((hit) => hit.path === path);
// Other test files' events also reach this file's webhooks while they exist: count a delivery's own hits.
const hitsFor = (deliveryId: string) => hits.filter((hit) => hit.headers["roadbook-delivery"] === deliveryId);

async function admin() {
  return makeUser(db, { role: "ADMIN" });
}

async function webhook(actor: { id: string; role: Role }, events: string[], path = uniquePath("hook")) {
  const made = await createWebhook(actor, { url: `${base}${path}`, events, description: "Test receiver" });
  created.push(made.id);
  return { ...made, path };
}

async function code(promise: Promise<unknown>) {
  return promise.then(
    () => "OK",
    (e) => (e instanceof DomainError ? e.code : Promise.reject(e)),
  );
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${error}`);
  return error;
}

/** One outbox row for `webhookId` (through the real enqueue, in a transaction). */
async function enqueueOne(webhookId: string) {
  const marker = uniquePath("marker");
  await db.$transaction((tx) => enqueueWebhookEvent(tx, "gate.requested", { marker }));
  const row = await db.webhookDelivery.findFirst({
    where: { webhookId, payload: { path: ["data", "marker"], equals: marker } },
  });
  if (!row) throw new Error("no delivery enqueued");
  return row;
}

describe("outgoing webhooks against PostgreSQL and a real receiver", () => {
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
    const before = { webhooks: await db.webhook.count(), audit: await db.auditEvent.count() };
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
    expect(await db.webhook.count()).toBe(before.webhooks);
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

  it("writes the outbox in the change's transaction: a rolled-back change leaves no delivery", async () => {
    const actor = await admin();
    const hook = await webhook(actor, ["gate.requested"]);
    await expect(
      db.$transaction(async (tx) => {
        expect(await enqueueWebhookEvent(tx, "gate.requested", { note: "never" })).toBeGreaterThanOrEqual(1);
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    const rows = await db.webhookDelivery.findMany({ where: { webhookId: hook.id } });
    expect(rows.filter((row) => (row.payload as { data: { note?: string } }).data.note === "never")).toEqual([]);
  });

  it("enqueues each domain event from its real domain function", async () => {
    const actor = await admin();
    const hook = await webhook(actor, [
      "gate.requested",
      "gate.decided",
      "stage.changed",
      "checklist.signed_off",
      "service.down",
      "value.actual_added",
    ]);
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const business = await makeUser(db, { role: "BUSINESS" });
    const itUser = await makeUser(db, { role: "IT" });
    const eventsOf = async (key: string) => {
      const rows = await db.webhookDelivery.findMany({ where: { webhookId: hook.id }, orderBy: { createdAt: "asc" } });
      return rows
        .map((row) => row.payload as { id: string; event: string; data: { useCase: { key: string } } })
        .filter((payload) => payload.data.useCase?.key === key);
    };

    // Gate requested, then decided GO: gate.decided and stage.changed.
    const poc = await makeUseCase(db, {
      ownerId: owner.id,
      sponsorId: business.id,
      output: "Churn probability per customer",
      outcome: "Retention calls the right customers",
      benefitArea: "REVENUE_GROWTH",
      ebitda: { low: "500000", base: "900000", high: "1400000" },
      pocResult: "AUC 0.81",
    });
    const pocKey = formatKey(poc.number);
    const review = await requestGateReview(owner, pocKey, { note: "POC done" });
    await decideGate(business, review.id, { decision: "GO", rationale: "The evidence holds." });
    const gateEvents = await eventsOf(pocKey);
    expect(gateEvents.map((p) => p.event)).toEqual(["gate.requested", "gate.decided", "stage.changed"]);
    expect(gateEvents[0]).toMatchObject({
      data: { gateId: review.id, gate: "G1", fromStage: "POC", toStage: "PROTOTYPE" },
    });
    expect(gateEvents[1]).toMatchObject({ data: { gateId: review.id, decision: "GO", decidedBy: business.id } });
    expect(gateEvents[2]).toMatchObject({ data: { from: "POC", to: "PROTOTYPE", useCase: { title: poc.title } } });
    for (const payload of gateEvents) expect(payload.id).toEqual(expect.any(String));

    // Checklist signed off by IT.
    const packaging = await makeUseCase(db, { ownerId: owner.id, stage: "PACKAGING" });
    const packagingKey = formatKey(packaging.number);
    await makeChecklist(db, { useCaseId: packaging.id, stage: "PACKAGING", status: "DONE", updatedById: owner.id });
    await signOffChecklist(itUser, packagingKey);
    expect(await eventsOf(packagingKey)).toEqual([
      expect.objectContaining({ event: "checklist.signed_off", data: expect.objectContaining({ stage: "PACKAGING" }) }),
    ]);

    // A service goes down (once per outage), and realised value is recorded.
    const production = await makeUseCase(db, { ownerId: owner.id, stage: "PRODUCTION" });
    const productionKey = formatKey(production.number);
    const downPath = uniquePath("service");
    answers.set(downPath, [503]);
    const service = await createService(owner, productionKey, {
      name: "Scoring API",
      environment: "PRODUCTION",
      url: `${base}${downPath}`,
    });
    await probeAndRecord(service.id);
    await probeAndRecord(service.id);
    await createActual(owner, productionKey, { period: new Date().toISOString().slice(0, 7), ebitda: "1234.5" });
    const productionEvents = await eventsOf(productionKey);
    expect(productionEvents.map((p) => p.event)).toEqual(["service.down", "value.actual_added"]);
    expect(productionEvents[0]).toMatchObject({
      data: { serviceId: service.id, name: "Scoring API", url: `${base}${downPath}`, reason: "HTTP 503" },
    });
    expect(productionEvents[1]).toMatchObject({ data: { ebitda: "1234.50", currency: "EUR" } });
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
