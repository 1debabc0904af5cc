import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack, FakeTeams, type SlackMode, type TeamsMode } from "@/test-support/fakes/chat-servers";

// The fake Slack and Teams incoming webhooks answer each documented request exactly as the
// fixtures (test-support/fakes/chat-fixtures/, from the tools' docs) say.
const fixture = <T>(name: string) =>
  JSON.parse(readFileSync(path.resolve("test-support/fakes/chat-fixtures", `${name}.json`), "utf8")) as T;
type Case = { mode: string; request: string; status: number; body: string; retryAfter?: string };

const slack = new FakeSlack();
const teams = new FakeTeams();
beforeAll(async () => {
  await slack.start();
  await teams.start();
});
afterAll(async () => {
  await slack.stop();
  await teams.stop();
});

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("the fake Slack incoming webhook", () => {
  const requests = fixture<Record<string, unknown>>("slack-requests");
  for (const c of fixture<Case[]>("slack-responses"))
    it(`${c.mode}, ${c.request}: ${c.status} ${c.body}`, async () => {
      slack.mode = c.mode as SlackMode;
      const response = await post(slack.webhookUrl, requests[c.request]);
      expect(response.status).toBe(c.status);
      expect(await response.text()).toBe(c.body);
      expect(response.headers.get("retry-after")).toBe(c.retryAfter ?? null);
    });

  it("an unknown webhook path is no_service; only posted messages are kept", async () => {
    slack.mode = "ok";
    const before = slack.messages.length;
    const response = await post(`${slack.url}/services/T0/B0/revoked`, requests.text);
    expect([response.status, await response.text()]).toEqual([404, "no_service"]);
    await post(slack.webhookUrl, requests.blocks);
    expect(slack.messages.slice(before)).toEqual([requests.blocks]);
  });
});

describe("the fake Teams incoming webhook", () => {
  const requests = fixture<Record<string, unknown>>("teams-requests");
  for (const c of fixture<Case[]>("teams-responses"))
    it(`${c.mode}, ${c.request}: ${c.status} ${c.body}`, async () => {
      teams.mode = c.mode as TeamsMode;
      const response = await post(teams.webhookUrl, requests[c.request]);
      expect(response.status).toBe(c.status);
      expect(await response.text()).toBe(c.body);
    });
});
