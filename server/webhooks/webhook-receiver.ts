// The harness of the outgoing-webhook tests: a real receiver on 127.0.0.1 (each test uses its
// own path; answers are queued per path), and helpers to register webhooks and enqueue deliveries.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Role } from "@/lib/lifecycle";
import { makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { enqueueWebhookEvent } from "./enqueue";
import { createWebhook } from "./manage-webhooks";

type Hit = { path: string; method: string; headers: http.IncomingHttpHeaders; body: string };
let server: http.Server;
/** The receiver's address, once it listens. */
export let base: string;
const hits: Hit[] = [];
/** Statuses to answer, queued per path (the last one repeats); 200 by default. */
export const answers = new Map<string, number[]>();

const created: string[] = [];

/** Start the receiver for this test file, allow its address, and remove the file's webhooks after each test. */
export function startWebhookReceiver(): void {
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
  afterEach(async () => {
    process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
    await db.webhook.deleteMany({ where: { id: { in: created.splice(0) } } });
  });
}

let pathCounter = 0;
export const uniquePath = (name: string) => `/${name}-${Date.now().toString(36)}-${pathCounter++}`;
export const hitsOf = (path: string) => hits.filter((hit) => hit.path === path);
// Other test files' events also reach this file's webhooks while they exist: count a delivery's own hits.
export const hitsFor = (deliveryId: string) => hits.filter((hit) => hit.headers["roadbook-delivery"] === deliveryId);

export async function admin() {
  return makeUser(db, { role: "ADMIN" });
}

export async function webhook(actor: { id: string; role: Role }, events: string[], path = uniquePath("hook")) {
  const made = await createWebhook(actor, { url: `${base}${path}`, events, description: "Test receiver" });
  created.push(made.id);
  return { ...made, path };
}

export async function code(promise: Promise<unknown>) {
  return promise.then(
    () => "OK",
    (e) => (e instanceof DomainError ? e.code : Promise.reject(e)),
  );
}

export async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${error}`);
  return error;
}

/** One outbox row for `webhookId` (through the real enqueue, in a transaction). */
export async function enqueueOne(webhookId: string) {
  const marker = uniquePath("marker");
  await db.$transaction((tx) => enqueueWebhookEvent(tx, "gate.requested", { marker }));
  const row = await db.webhookDelivery.findFirst({
    where: { webhookId, payload: { path: ["data", "marker"], equals: marker } },
  });
  if (!row) throw new Error("no delivery enqueued");
  return row;
}
