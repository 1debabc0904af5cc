import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatKey } from "../../lib/lifecycle";
import { makeUseCase, makeUser } from "../../prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { listNotifications } from "../notifications/list-notifications";
import { checkService } from "./check-service";
import { runDueProbes } from "./probe-scheduler";
import {
  createService,
  deleteService,
  listAllServices,
  listServices,
  SERVICES_PAGE_SIZE,
  saveServices,
  updateService,
} from "./services";

let server: http.Server;
let base: string;
let failing = false;

beforeAll(async () => {
  server = http.createServer((_req, res) => res.writeHead(failing ? 503 : 200).end());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
});
afterAll(() => {
  server.close();
  delete process.env.ROADBOOK_PROBE_ALLOW;
});

async function code(promise: Promise<unknown>) {
  return promise.then(
    () => "OK",
    (e) => (e instanceof DomainError ? e.code : Promise.reject(e)),
  );
}

describe("services against PostgreSQL", () => {
  it("/services pages through every service once, the down ones first, with the counts of all", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const row = await makeUseCase(db, { ownerId: owner.id });
    // More than a page of this test's own services, some down, some blocked.
    const mine = await Promise.all(
      Array.from({ length: SERVICES_PAGE_SIZE + 5 }, (_, i) =>
        db.service.create({
          data: {
            useCaseId: row.id,
            name: `Paged ${String(i).padStart(3, "0")}`,
            kind: "OTHER",
            environment: "STAGING",
            url: `https://paged-${i}.example.com/`,
            healthStatus: i % 10 === 0 ? "DOWN" : i % 10 === 1 ? "BLOCKED" : "UP",
          },
        }),
      ),
    );
    const first = await listAllServices(owner, {});
    expect(first.services).toHaveLength(SERVICES_PAGE_SIZE);
    expect(first.total).toBe(await db.service.count());
    expect(first.down).toBe(await db.service.count({ where: { healthStatus: "DOWN" } }));
    const seen: string[] = [];
    const ranks: number[] = [];
    const RANK = { DOWN: 0, BLOCKED: 1, UNKNOWN: 2, UP: 3 } as const;
    for (let page = 1; page <= first.pages; page++) {
      const result = await listAllServices(owner, {}, page);
      expect(result.page).toBe(page);
      for (const service of result.services) {
        seen.push(service.id);
        ranks.push(RANK[service.health.status]);
      }
    }
    expect(new Set(seen).size).toBe(first.total);
    expect(seen).toHaveLength(first.total);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const service of mine) expect(seen).toContain(service.id);
    // The owner manages their own; a page past the last shows the last; a filter counts what it matches.
    expect(first.services.find((s) => mine.some((m) => m.id === s.id))?.canManage).toBe(true);
    expect((await listAllServices(owner, {}, first.pages + 7)).page).toBe(first.pages);
    const down = await listAllServices(owner, { health: "DOWN", kind: "OTHER", environment: "STAGING" });
    expect(down.services.every((s) => s.health.status === "DOWN" && s.kind === "OTHER")).toBe(true);
    expect(down.total).toBe(down.down);
    expect(down.total).toBeGreaterThanOrEqual(6);
  });

  it("are registered by the owner, IT or admins, with the kind guessed from the URL; others are refused", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const business = await makeUser(db, { role: "BUSINESS" });
    const row = await makeUseCase(db, { ownerId: owner.id, sponsorId: business.id });
    const key = formatKey(row.number);
    const created = await createService(owner, key, {
      name: "Dashboards",
      environment: "PRODUCTION",
      url: "https://grafana.example.com/d/churn",
    });
    expect(created).toMatchObject({ kind: "GRAFANA", health: { status: "UNKNOWN", checkedAt: null }, version: 1 });
    expect(
      await code(createService(business, key, { name: "x", environment: "DEV", url: "https://x.example.com" })),
    ).toBe("FORBIDDEN");
    expect(await code(createService(owner, key, { name: "x", environment: "DEV", url: "javascript:alert(1)" }))).toBe(
      "VALIDATION",
    );
    const updated = await updateService(owner, created.id, { kind: "OTHER", version: 1 });
    expect(updated).toMatchObject({ kind: "OTHER", version: 2 });
    expect(await code(updateService(owner, created.id, { name: "stale", version: 1 }))).toBe("CONFLICT");
    expect(await code(deleteService(business, created.id))).toBe("FORBIDDEN");
    await deleteService(owner, created.id);
    expect(await listServices(owner, key)).toEqual([]);
  });

  it("saves a compose import all or nothing", async () => {
    const itUser = await makeUser(db, { role: "IT" });
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const row = await makeUseCase(db, { ownerId: owner.id });
    const key = formatKey(row.number);
    const good = { name: "grafana", kind: "GRAFANA", environment: "STAGING", url: "http://stack.example.com:3000/" };
    expect(await code(saveServices(itUser, key, { services: [good, { ...good, url: "ftp://nope" }] }))).toBe(
      "VALIDATION",
    );
    expect(await db.service.count({ where: { useCaseId: row.id } })).toBe(0);
    expect(
      await saveServices(itUser, key, { services: [good, { ...good, name: "superset", kind: "SUPERSET" }] }),
    ).toHaveLength(2);
  });

  it("checks health on demand, keeps history, and tells the owner and IT when a service goes down", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const itUser = await makeUser(db, { role: "IT" });
    const row = await makeUseCase(db, { ownerId: owner.id });
    const key = formatKey(row.number);
    const service = await createService(owner, key, {
      name: "Scoring API",
      environment: "PRODUCTION",
      url: `${base}/health`,
    });
    failing = false;
    const up = await checkService(owner, service.id);
    expect(up.health).toMatchObject({ status: "UP", httpStatus: 200 });
    failing = true;
    const down = await checkService(owner, service.id);
    expect(down.health).toMatchObject({ status: "DOWN", httpStatus: 503, reason: "HTTP 503" });
    await checkService(owner, service.id); // still down: no second notification
    expect(down.history.map((h) => h.status)).toEqual(["UP", "DOWN"]);
    for (const user of [owner, itUser]) {
      const titles = (await listNotifications(user)).filter((n) => n.kind === "SERVICE_DOWN" && n.title.includes(key));
      expect(titles).toHaveLength(1);
    }
    failing = false;
    const blocked = await createService(owner, key, { name: "Internal", environment: "DEV", url: "http://10.1.1.1/" });
    expect((await checkService(owner, blocked.id)).health).toMatchObject({ status: "BLOCKED", httpStatus: null });
  });

  it("probe rounds check what is due and drop history older than 7 days", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const row = await makeUseCase(db, { ownerId: owner.id });
    const service = await createService(owner, formatKey(row.number), {
      name: "Due",
      environment: "DEV",
      url: `${base}/`,
    });
    await db.serviceProbe.create({
      data: { serviceId: service.id, status: "UP", at: new Date(Date.now() - 8 * 86_400_000) },
    });
    expect(await runDueProbes(new Date(), [service.id])).toBe(1);
    const probes = await db.serviceProbe.findMany({ where: { serviceId: service.id } });
    expect(probes).toHaveLength(1);
    expect(probes[0]?.status).toBe("UP");
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).checkedAt).not.toBeNull();
  });
});
