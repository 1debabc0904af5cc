import "server-only";
import nodemailer from "nodemailer";
import { env, readEnv } from "../env";

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

/** Email configuration in `source` (the process's by default), or null when `ROADBOOK_SMTP_URL` is unset (no emails). Throws on an invalid one. */
export function readMailConfig(source?: Env): MailConfig | null {
  const e = source ? readEnv(source) : env();
  const publicUrl = e.ROADBOOK_PUBLIC_URL ?? e.NEXTAUTH_URL;
  if (!e.ROADBOOK_SMTP_URL || !e.ROADBOOK_MAIL_FROM || !publicUrl) return null;
  return {
    smtpUrl: e.ROADBOOK_SMTP_URL,
    from: e.ROADBOOK_MAIL_FROM,
    publicUrl: publicUrl.replace(/\/+$/, ""),
    batchMinutes: e.ROADBOOK_MAIL_BATCH_MINUTES,
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
