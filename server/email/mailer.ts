import "server-only";
import nodemailer from "nodemailer";
import { z } from "zod";

export type Mail = { to: string; subject: string; text: string; html: string };

/** Sends one message; rejects when the SMTP server does not accept it. */
export type Mailer = { send(mail: Mail): Promise<void>; close(): void };

export type MailConfig = {
  smtpUrl: string;
  from: string;
  /** The app's public URL, without a trailing slash: every link in an email is absolute to it. */
  publicUrl: string;
  batchMinutes: number;
};

type Env = Record<string, string | undefined>;

const MailEnvSchema = z.object({
  ROADBOOK_SMTP_URL: z.url({
    protocol: /^smtps?$/,
    error: "ROADBOOK_SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:pass@host:587).",
  }),
  ROADBOOK_MAIL_FROM: z
    .string({ error: "ROADBOOK_MAIL_FROM is not set (the sender, e.g. Roadbook <roadbook@example.com>)." })
    .trim()
    .min(3),
  PUBLIC_URL: z.url({
    protocol: /^https?$/,
    error: "ROADBOOK_PUBLIC_URL (or NEXTAUTH_URL) must be the app's http(s) URL, for the links in emails.",
  }),
  ROADBOOK_MAIL_BATCH_MINUTES: z.coerce
    .number({ error: "ROADBOOK_MAIL_BATCH_MINUTES must be a number of minutes." })
    .int()
    .min(0)
    .max(24 * 60)
    .default(5),
});

/** Email configuration, or null when `ROADBOOK_SMTP_URL` is unset (no emails). Throws on an invalid one. */
export function readMailConfig(source: Env = process.env): MailConfig | null {
  const vars = Object.fromEntries(Object.entries(source).filter(([, value]) => value?.trim()));
  if (!vars.ROADBOOK_SMTP_URL) return null;
  const parsed = MailEnvSchema.safeParse({ ...vars, PUBLIC_URL: vars.ROADBOOK_PUBLIC_URL ?? vars.NEXTAUTH_URL });
  if (!parsed.success)
    throw new Error(`Configuration error (email): ${parsed.error.issues.map((issue) => issue.message).join(" ")}`);
  return {
    smtpUrl: parsed.data.ROADBOOK_SMTP_URL,
    from: parsed.data.ROADBOOK_MAIL_FROM,
    publicUrl: parsed.data.PUBLIC_URL.replace(/\/+$/, ""),
    batchMinutes: parsed.data.ROADBOOK_MAIL_BATCH_MINUTES,
  };
}

/**
 * A nodemailer SMTP transport for the URL (credentials in it; `smtps://` for implicit TLS,
 * STARTTLS used when the server offers it on `smtp://`). Pooled, with timeouts, so a hung server
 * cannot hold a round forever.
 */
export function smtpMailer(config: Pick<MailConfig, "smtpUrl" | "from">): Mailer {
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: config.from, ...mail });
    },
    close() {
      transport.close();
    },
  };
}
