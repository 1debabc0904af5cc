// Local Slack and Microsoft Teams incoming webhooks for tests (neither can run here). They
// answer as the tools' documentation says (test-support/fakes/chat-fixtures/README.md): Slack
// with `200 ok`, or the error code as plain text under its HTTP status (400 invalid_payload,
// 403 action_prohibited, 404 no_service, 410 channel_is_archived, 429 with Retry-After);
// Teams with `200 1`, or 400 for a body it cannot read. server/webhooks/chat-fakes.test.ts
// checks them against the fixtures.
import http from "node:http";
import type { AddressInfo } from "node:net";

type Answer = { status: number; body: string; headers?: Record<string, string>; posted?: boolean };

abstract class FakeIncomingWebhook<Mode extends string> {
  /** Every message taken (posted), parsed. */
  readonly messages: unknown[] = [];
  /** Every request, taken or not. */
  readonly requests: { path: string; body: string; contentType: string | undefined }[] = [];
  mode: Mode;
  private server: http.Server | null = null;
  url = "";

  constructor(
    /** The secret path of the one webhook this fake serves; any other path is an unknown webhook. */
    readonly path: string,
    initial: Mode,
  ) {
    this.mode = initial;
  }

  /** The incoming-webhook URL to register in Roadbook. */
  get webhookUrl(): string {
    return `${this.url}${this.path}`;
  }

  protected abstract answer(path: string, body: unknown): Answer;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        const path = new URL(req.url ?? "/", "http://fake").pathname;
        this.requests.push({ path, body, contentType: req.headers["content-type"] });
        let parsed: unknown;
        try {
          parsed = req.method === "POST" ? JSON.parse(body) : undefined;
        } catch {
          parsed = undefined;
        }
        const answer = this.answer(path, parsed);
        if (answer.posted) this.messages.push(parsed);
        res
          .writeHead(answer.status, { "content-type": "text/plain; charset=utf-8", ...answer.headers })
          .end(answer.body);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export type SlackMode = "ok" | "action_prohibited" | "no_service" | "channel_is_archived" | "rate_limited";
const SLACK_BLOCK_TYPES = new Set(["section", "actions", "context", "header", "divider", "image", "rich_text"]);

/** A Slack incoming webhook (https://hooks.slack.com/services/T…/B…/…). */
export class FakeSlack extends FakeIncomingWebhook<SlackMode> {
  /** The Retry-After (seconds) of a 429. */
  retryAfter = "30";

  constructor(path = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX") {
    super(path, "ok");
  }

  protected answer(path: string, body: unknown): Answer {
    if (path !== this.path || this.mode === "no_service") return { status: 404, body: "no_service" };
    if (this.mode === "rate_limited")
      return { status: 429, body: "rate_limited", headers: { "retry-after": this.retryAfter } };
    const message = (body ?? {}) as { text?: unknown; blocks?: unknown };
    const hasText = typeof message.text === "string" && message.text.length > 0;
    const blocks = message.blocks;
    const blocksOk =
      blocks === undefined ||
      (Array.isArray(blocks) &&
        blocks.length <= 50 &&
        blocks.every((b) => SLACK_BLOCK_TYPES.has((b as { type?: string })?.type ?? "")));
    if (typeof body !== "object" || body === null || !blocksOk || (!hasText && !Array.isArray(blocks)))
      return { status: 400, body: "invalid_payload" };
    if (this.mode === "action_prohibited") return { status: 403, body: "action_prohibited" };
    if (this.mode === "channel_is_archived") return { status: 410, body: "channel_is_archived" };
    return { status: 200, body: "ok", posted: true };
  }
}

/** ok: posted; unexpected: a 200 that is not the webhook's `1` (say, a proxy's page in between). */
export type TeamsMode = "ok" | "unexpected";

/** A Microsoft Teams incoming webhook (https://<tenant>.webhook.office.com/webhookb2/…). */
export class FakeTeams extends FakeIncomingWebhook<TeamsMode> {
  constructor(
    path = "/webhookb2/00000000-0000-0000-0000-000000000000@00000000-0000-0000-0000-000000000000/IncomingWebhook/0000/00000000-0000-0000-0000-000000000000",
  ) {
    super(path, "ok");
  }

  protected answer(path: string, body: unknown): Answer {
    if (path !== this.path) return { status: 404, body: "" };
    const message = (body ?? {}) as {
      type?: string;
      attachments?: { contentType?: string; content?: { type?: string; body?: unknown } }[];
      "@type"?: string;
      text?: string;
      summary?: string;
    };
    const adaptive =
      message.type === "message" &&
      Array.isArray(message.attachments) &&
      message.attachments.length > 0 &&
      message.attachments.every(
        (a) =>
          a.contentType === "application/vnd.microsoft.card.adaptive" &&
          a.content?.type === "AdaptiveCard" &&
          Array.isArray(a.content.body),
      );
    const messageCard = message["@type"] === "MessageCard" && Boolean(message.text || message.summary);
    if (!adaptive && !messageCard) return { status: 400, body: "Bad payload received by generic incoming webhook." };
    if (this.mode === "unexpected") return { status: 200, body: "<html>Sign in</html>" };
    return { status: 200, body: "1", posted: true };
  }
}
