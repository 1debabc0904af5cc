import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { listNotifications } from "../notifications/list-notifications";
import { checkService } from "./check-service";
import { runDueProbes } from "./probe-scheduler";
import { createService, deleteService, listServices, saveServices, updateService } from "./services";

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
