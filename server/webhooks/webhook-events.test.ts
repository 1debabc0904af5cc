// Which changes enqueue a webhook delivery: the outbox is written in the change's transaction,
// and each domain event comes from its real domain function.
import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeChecklist, makeUseCase, makeUser } from "@/prisma/seed/factories";
import { signOffChecklist } from "../checklists/sign-off-checklist";
import { db } from "../db";
import { decideGate } from "../gates/decide-gate";
import { requestGateReview } from "../gates/request-gate-review";
import { probeAndRecord } from "../services/check-service";
import { createService } from "../services/services";
import { createActual } from "../value/actuals";
import { enqueueWebhookEvent } from "./enqueue";
import { admin, answers, base, startWebhookReceiver, uniquePath, webhook } from "./webhook-receiver";

startWebhookReceiver();

describe("enqueueing outgoing webhook events", () => {
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
});
