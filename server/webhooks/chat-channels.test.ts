// Slack and Teams channels end to end: registered by an admin with the URL sealed, events
// through the one outbox (real domain functions, real PostgreSQL), messages formatted per tool
// and posted over real HTTP to the fake incoming webhooks (test-support/fakes/chat-servers.ts),
// the tools' refusals and rate limits, and the address policy.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { FakeSlack, FakeTeams } from "@/test-support/fakes/chat-servers";
import { db } from "../db";
import { DomainError } from "../errors";
import { sendConditionReminders } from "../gates/condition-reminders";
import { decideGate } from "../gates/decide-gate";
import { requestGateReview } from "../gates/request-gate-review";
import { createChatChannel, deleteChatChannel, listChatChannels, updateChatChannel } from "./chat-channels";
import { runDueDeliveries } from "./deliver";
import { listDeliveries, sendTestDelivery } from "./deliveries";
import { enqueueWebhookEvent } from "./enqueue";
import { getWebhook, listWebhooks } from "./manage-webhooks";

const slack = new FakeSlack();
const teams = new FakeTeams();
const PUBLIC = "https://roadbook.example.com";
beforeAll(async () => {
  await slack.start();
  await teams.start();
});
afterAll(async () => {
  await slack.stop();
  await teams.stop();
});
beforeEach(() => {
  process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
  process.env.ROADBOOK_PUBLIC_URL = PUBLIC;
  slack.mode = "ok";
  teams.mode = "ok";
});

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}
const admin = () => makeUser(db, { role: "ADMIN" });
type SlackBody = { text: string; blocks: { type: string; text?: { text: string }; elements?: { url: string }[] }[] };
type TeamsBody = {
  type: string;
  attachments: { contentType: string; content: { body: { text: string }[]; actions: { url: string }[] } }[];
};

describe("chat channels", () => {
  it("an admin adds Slack and Teams channels; the URL is sealed, never shown, never audited; others may not", async () => {
    const actor = await admin();
    const channel = await createChatChannel(actor, { tool: "SLACK", name: "#ml-releases", url: slack.webhookUrl });
    expect(channel).toMatchObject({
      tool: "SLACK",
      name: "#ml-releases",
      shownUrl: `${slack.url}/services/…`,
      events: ["gate.requested", "gate.decided", "condition.due", "service.down", "registry.drift"],
      active: true,
      version: 1,
    });
    const secretPart = "XXXXXXXXXXXXXXXXXXXXXXXX";
    const row = await db.webhook.findUniqueOrThrow({ where: { id: channel.id } });
    expect(row.kind).toBe("SLACK");
    expect(row.secret).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(secretPart);
    expect(JSON.stringify(await listChatChannels(actor))).not.toContain(secretPart);
    const audit = await db.auditEvent.findMany({ where: { entityId: channel.id } });
    expect(audit.map((e) => e.action)).toEqual(["chat-channel.create"]);
    expect(JSON.stringify(audit)).not.toContain(secretPart);
    // A chat channel is not a signed webhook: not in that list, not editable there.
    expect((await listWebhooks(actor)).some((w) => w.id === channel.id)).toBe(false);
    expect((await failure(getWebhook(actor, channel.id))).code).toBe("NOT_FOUND");

    for (const role of ["BUSINESS", "DATA_SCIENTIST", "IT"] as const) {
      const other = await makeUser(db, { role });
      expect((await failure(createChatChannel(other, { tool: "TEAMS", name: "x", url: teams.webhookUrl }))).code).toBe(
        "FORBIDDEN",
      );
      expect((await failure(listChatChannels(other))).code).toBe("FORBIDDEN");
      expect((await failure(deleteChatChannel(other, channel.id))).code).toBe("FORBIDDEN");
    }

    // Edits carry the version; a new URL is sealed too and audited only as replaced.
    const edited = await updateChatChannel(actor, channel.id, {
      version: 1,
      events: ["registry.drift"],
      url: `${slack.url}/services/T1/B1/NEWSECRETNEWSECRET`,
    });
    expect(edited).toMatchObject({ version: 2, events: ["registry.drift"] });
    expect((await failure(updateChatChannel(actor, channel.id, { version: 1, active: false }))).code).toBe("CONFLICT");
    const update = await db.auditEvent.findFirstOrThrow({
      where: { entityId: channel.id, action: "chat-channel.update" },
    });
    expect(update.after).toMatchObject({ urlReplaced: true, events: ["registry.drift"] });
    expect(JSON.stringify(update)).not.toContain("NEWSECRET");
    await deleteChatChannel(actor, channel.id);
    expect(await db.webhook.findUnique({ where: { id: channel.id } })).toBeNull();
  });

  it("refuses an address the SSRF policy refuses, and an event chat channels do not get", async () => {
    const actor = await admin();
    delete process.env.ROADBOOK_PROBE_ALLOW;
    for (const url of [slack.webhookUrl, "http://10.1.2.3/services/x", "http://169.254.169.254/latest"]) {
      const error = await failure(createChatChannel(actor, { tool: "SLACK", name: "x", url }));
      expect(error.details.errors?.[0]).toMatchObject({ path: "url" });
      expect(error.details.errors?.[0]?.message).toMatch(/refused by the address policy/);
    }
    process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
    const wrong = await failure(
      createChatChannel(actor, { tool: "TEAMS", name: "x", url: teams.webhookUrl, events: ["stage.changed"] }),
    );
    expect(wrong.details.errors?.[0]?.path).toMatch(/^events/);
  });

  it("posts each chosen event as a Slack message and a Teams card with a link back; skips the others", async () => {
    const actor = await admin();
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const business = await makeUser(db, { role: "BUSINESS" });
    const toSlack = await createChatChannel(actor, {
      tool: "SLACK",
      name: "#ml",
      url: slack.webhookUrl,
      events: ["gate.requested", "gate.decided", "condition.due"],
    });
    const toTeams = await createChatChannel(actor, {
      tool: "TEAMS",
      name: "ML team",
      url: teams.webhookUrl,
      events: ["gate.decided", "service.down", "registry.drift"],
    });
    const row = await makeUseCase(db, {
      ownerId: owner.id,
      title: "Churn <risk> & retention",
      output: "Churn probability per customer",
      outcome: "Call the right customers first",
      benefitArea: "REVENUE_GROWTH",
      ebitda: { low: "100000", base: "200000", high: "300000" },
      pocResult: "AUC 0.8",
      riskTier: "MINIMAL",
    });
    const key = formatKey(row.number);
    const slackBefore = slack.messages.length;
    const teamsBefore = teams.messages.length;
    const review = await requestGateReview(owner, key, { note: "Ready for G1" });
    const dueOn = new Date().toISOString().slice(0, 10);
    await decideGate(business, review.id, {
      decision: "CONDITIONAL_GO",
      rationale: "Go, with monitoring.",
      conditions: [{ text: "Add drift monitoring", ownerId: owner.id, dueOn }],
    });
    const condition = await db.gateCondition.findFirstOrThrow({ where: { reviewId: review.id } });
    await sendConditionReminders({ only: [condition.id] });
    await db.$transaction(async (tx) => {
      await enqueueWebhookEvent(tx, "registry.drift", {
        useCase: { key, title: row.title },
        registry: "MLflow",
        model: "churn-model",
        alias: "champion",
        version: "8",
        approvedVersions: ["7"],
        detectedAt: new Date().toISOString(),
      });
      await enqueueWebhookEvent(tx, "stage.changed", { useCase: { key, title: row.title } });
    });
    await runDueDeliveries(new Date(), { webhookIds: [toSlack.id, toTeams.id] });

    // A round sends a batch at once: the order of arrival is not the order of the events.
    const slackMessages = (slack.messages.slice(slackBefore) as SlackBody[]).sort((a, b) =>
      a.text.includes("waits") ? -1 : b.text.includes("waits") ? 1 : a.text.localeCompare(b.text),
    );
    expect(slackMessages.map((m) => m.text).sort()).toEqual(
      [
        `${key} “Churn <risk> & retention” waits for a G1 decision`,
        `${key} “Churn <risk> & retention”: G1 decided, Go with conditions`,
        `A condition on ${key} “Churn <risk> & retention” is due`,
      ].sort(),
    );
    const [requested] = slackMessages;
    expect(requested?.blocks[0]).toEqual({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${key} “Churn &lt;risk&gt; &amp; retention” waits for a G1 decision*\nPOC → Prototype: Ready for G1`,
      },
    });
    expect(requested?.blocks[1]?.elements?.[0]?.url).toBe(`${PUBLIC}/use-cases/${key}#gates`);
    expect(slackMessages.find((m) => m.text.startsWith("A condition"))?.blocks[0]?.text?.text).toContain(
      `Add drift monitoring (due ${dueOn}`,
    );

    const teamsMessages = teams.messages.slice(teamsBefore) as TeamsBody[];
    expect(teamsMessages).toHaveLength(2);
    const card = teamsMessages.find((m) => m.attachments[0]?.content.body[0]?.text.includes("@champion"))
      ?.attachments[0];
    expect(card?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card?.content.body[0]?.text).toBe(
      `churn-model of ${key} “Churn <risk> & retention”: @champion points to v8, which no gate approved`,
    );
    expect(card?.content.actions[0]?.url).toBe(`${PUBLIC}/use-cases/${key}/toolchain`);
    const log = await listDeliveries(actor, toTeams.id);
    expect(log.map((d) => [d.event, d.status, d.lastStatus]).sort()).toEqual([
      ["gate.decided", "SUCCEEDED", 200],
      ["registry.drift", "SUCCEEDED", 200],
    ]);
    // Each message was posted as JSON, to the sealed URL, without Roadbook's signature headers.
    expect(slack.requests.at(-1)?.contentType).toBe("application/json");
  });

  it("a 429 waits its Retry-After; Slack's refusals are final; a Teams 200 that is not 1 is retried", async () => {
    const actor = await admin();
    const toSlack = await createChatChannel(actor, { tool: "SLACK", name: "#ops", url: slack.webhookUrl });
    const now = new Date();
    slack.mode = "rate_limited";
    slack.retryAfter = "900";
    let delivery = await sendTestDelivery(actor, toSlack.id, now);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatus: 429 });
    expect(delivery.lastError).toBe("HTTP 429: rate_limited");
    expect(new Date(delivery.nextAttemptAt ?? 0).getTime() - now.getTime()).toBe(900_000);

    for (const [mode, status] of [
      ["no_service", 404],
      ["action_prohibited", 403],
      ["channel_is_archived", 410],
    ] as const) {
      slack.mode = mode;
      delivery = await sendTestDelivery(actor, toSlack.id);
      expect(delivery).toMatchObject({
        status: "FAILED",
        attempts: 1,
        lastStatus: status,
        lastError: `HTTP ${status}: ${mode}`,
      });
    }

    const toTeams = await createChatChannel(actor, { tool: "TEAMS", name: "Ops", url: teams.webhookUrl });
    teams.mode = "unexpected";
    delivery = await sendTestDelivery(actor, toTeams.id);
    expect(delivery).toMatchObject({ status: "PENDING", lastStatus: 200 });
    teams.mode = "ok";
    expect(await sendTestDelivery(actor, toTeams.id)).toMatchObject({ status: "SUCCEEDED", lastStatus: 200 });
    expect((teams.messages.at(-1) as TeamsBody).attachments[0]?.content.body[0]?.text).toBe("Roadbook test message");

    // An address refused after registration is refused at delivery, on the connection itself.
    delete process.env.ROADBOOK_PROBE_ALLOW;
    expect((await sendTestDelivery(actor, toTeams.id)).lastError).toMatch(/^Blocked by policy/);
  });
});
