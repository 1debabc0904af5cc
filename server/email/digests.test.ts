import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { db, dbPool } from "../db";
import { notify } from "../notifications/notify";
import { type MailConfig, type Mailer, readMailConfig, smtpMailer } from "./mailer";
import { runExclusiveDigestRound, sendDigests } from "./send-digests";
import { absoluteLink, digestEmail } from "./templates";

// The notification digests against a real SMTP server on this machine (smtp-server), with
// authentication, sent through the app's nodemailer transport.

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let refuse = false;
let server: SMTPServer;
let config: MailConfig;
let mailer: Mailer;

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "roadbook" && auth.password === "smtp-pass") return callback(null, { user: "roadbook" });
      callback(new Error("Invalid username or password"));
    },
    onMailFrom(_address, _session, callback) {
      if (refuse) return callback(Object.assign(new Error("Service unavailable, try later"), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const parsed = readMailConfig({
    ROADBOOK_SMTP_URL: `smtp://roadbook:smtp-pass@127.0.0.1:${port}`,
    ROADBOOK_MAIL_FROM: "Roadbook <roadbook@test.roadbook>",
    ROADBOOK_PUBLIC_URL: "https://roadbook.example.com/",
    NEXTAUTH_URL: "http://localhost:3000",
  });
  if (!parsed) throw new Error("no mail config");
  config = parsed;
  mailer = smtpMailer(config);
});

afterAll(async () => {
  mailer?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The body parts of a MIME message, quoted-printable decoded (enough to read the links). */
function decoded(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function header(raw: string, name: string): string | undefined {
  return raw.match(new RegExp(`^${name}: (.*)$`, "mi"))?.[1]?.trim();
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe("notification emails", () => {
  it("sends one batched email per opted-in user, with absolute links, marks them, and nothing twice", async () => {
    const alice = await makeUser(db, { role: "BUSINESS", name: "Alice <Ops>" });
    const bob = await makeUser(db, { role: "IT" });
    await db.user.update({ where: { id: bob.id }, data: { emailNotifications: false } });
    const only = [alice.id, bob.id];
    await db.$transaction(async (tx) => {
      await notify(tx, only, { kind: "REVIEW_WAITING", title: "G1 review waiting on UC-7", href: "/reviews" });
      await notify(tx, only, {
        kind: "REVIEW_DECIDED",
        title: "UC-7 <b>passed</b> G1 & more",
        href: "/use-cases/UC-7",
      });
      await notify(tx, only, { kind: "MENTION", title: "Dana mentioned you on UC-9", href: "/use-cases/UC-9#c-1" });
    });
    received.length = 0;

    // Too fresh: the batch waits 5 minutes after the first notification.
    expect(await sendDigests({ now: minutes(1), config, mailer, only })).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(0);

    const round = minutes(6);
    expect(await sendDigests({ now: round, config, mailer, only })).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const mail = received[0];
    if (!mail) throw new Error("no mail");
    expect(mail.to).toEqual([alice.email]);
    expect(mail.from).toBe("roadbook@test.roadbook");
    expect(header(mail.raw, "Subject")).toBe("3 updates in Roadbook");
    const body = decoded(mail.raw);
    expect(body).toContain("https://roadbook.example.com/reviews");
    expect(body).toContain("https://roadbook.example.com/use-cases/UC-7");
    expect(body).toContain('href="https://roadbook.example.com/use-cases/UC-9#c-1"');
    expect(body).toContain("https://roadbook.example.com/notifications");
    expect(body).toContain("UC-7 &lt;b&gt;passed&lt;/b&gt; G1 &amp; more"); // HTML part, escaped
    expect(body).toContain("UC-7 <b>passed</b> G1 & more"); // plain-text part
    expect(body).toContain("Alice &lt;Ops&gt;");
    // Every link is absolute, to the configured public URL.
    const links = [...body.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(links.length).toBe(4);
    for (const link of links) expect(link?.startsWith("https://roadbook.example.com/")).toBe(true);

    const aliceRows = await db.notification.findMany({ where: { userId: alice.id } });
    expect(aliceRows.every((row) => row.emailedAt?.getTime() === round.getTime())).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: alice.id } })).lastEmailedAt?.getTime()).toBe(
      round.getTime(),
    );
    // Nothing for the user who turned email off: nothing sent, nothing marked.
    const bobRows = await db.notification.findMany({ where: { userId: bob.id } });
    expect(bobRows).toHaveLength(3);
    expect(bobRows.every((row) => row.emailedAt === null)).toBe(true);

    // The next round has nothing new to send.
    expect(await sendDigests({ now: minutes(7), config, mailer, only })).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);

    // A new notification waits until 5 minutes after the last email, then goes alone.
    await db.$transaction((tx) =>
      notify(tx, [alice.id], { kind: "SERVICE_DOWN", title: "MLflow on UC-7 is down", href: "/services" }),
    );
    expect(await sendDigests({ now: minutes(8), config, mailer, only })).toEqual({ sent: 0, failed: 0 });
    expect(await sendDigests({ now: minutes(12), config, mailer, only })).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(2);
    expect(header(received[1]?.raw ?? "", "Subject")).toBe("1 update in Roadbook");
  });

  it("leaves the notifications unmarked when the SMTP server refuses, and sends them next round", async () => {
    const carol = await makeUser(db, { role: "DATA_SCIENTIST" });
    const only = [carol.id];
    await db.$transaction((tx) =>
      notify(tx, only, { kind: "CONDITION_DUE", title: "A condition on UC-3 is due", href: "/use-cases/UC-3#gates" }),
    );
    received.length = 0;
    refuse = true;
    try {
      expect(await sendDigests({ now: minutes(6), config, mailer, only })).toEqual({ sent: 0, failed: 1 });
    } finally {
      refuse = false;
    }
    expect(received).toHaveLength(0);
    expect((await db.notification.findFirstOrThrow({ where: { userId: carol.id } })).emailedAt).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: carol.id } })).lastEmailedAt).toBeNull();

    expect(await sendDigests({ now: minutes(7), config, mailer, only })).toEqual({ sent: 1, failed: 0 });
    expect(received.map((mail) => mail.to)).toEqual([[carol.email]]);
    expect((await db.notification.findFirstOrThrow({ where: { userId: carol.id } })).emailedAt).not.toBeNull();
  });

  it("never emails a deactivated user, nor what was already read in the app", async () => {
    const dave = await makeUser(db, { role: "IT", active: false });
    const erin = await makeUser(db, { role: "IT" });
    const only = [dave.id, erin.id];
    await db.$transaction((tx) => notify(tx, only, { kind: "SERVICE_DOWN", title: "Down", href: "/services" }));
    await db.notification.updateMany({ where: { userId: erin.id }, data: { readAt: new Date() } });
    received.length = 0;
    expect(await sendDigests({ now: minutes(6), config, mailer, only })).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(0);
  });
});

describe("replicas", () => {
  it("skip a round while another process holds the round's lock", async () => {
    const other = await dbPool.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock($1)", [0x52424b4d]);
      expect(await runExclusiveDigestRound({ config, mailer, only: [] })).toBeNull();
    } finally {
      await other.query("COMMIT");
      other.release();
    }
    expect(await runExclusiveDigestRound({ config, mailer, only: [] })).toEqual({ sent: 0, failed: 0 });
  });
});

describe("email configuration and templates", () => {
  it("is off without SMTP, and refuses an incomplete configuration", () => {
    expect(readMailConfig({})).toBeNull();
    expect(() => readMailConfig({ ROADBOOK_SMTP_URL: "smtp://h:25", NEXTAUTH_URL: "http://x" })).toThrow(
      /ROADBOOK_MAIL_FROM/,
    );
    expect(() => readMailConfig({ ROADBOOK_SMTP_URL: "http://h", ROADBOOK_MAIL_FROM: "a@b.c" })).toThrow(
      /ROADBOOK_SMTP_URL/,
    );
    expect(
      readMailConfig({ ROADBOOK_SMTP_URL: "smtps://h", ROADBOOK_MAIL_FROM: "a@b.c", NEXTAUTH_URL: "http://app:3000/" }),
    ).toMatchObject({ publicUrl: "http://app:3000", batchMinutes: 5 });
  });

  it("keeps links on the app's site", () => {
    expect(absoluteLink("/use-cases/UC-1", "https://r.example")).toBe("https://r.example/use-cases/UC-1");
    expect(absoluteLink("//evil.example/x", "https://r.example")).toBe("https://r.example/notifications");
    expect(absoluteLink("https://evil.example", "https://r.example")).toBe("https://r.example/notifications");
    const { text } = digestEmail(
      { name: "X" },
      [{ title: "a\r\nBcc: x", href: "/", createdAt: new Date() }],
      "https://r",
    );
    expect(text).toContain("- a Bcc: x");
  });
});
