// Starts what the end-to-end tests run against: a throwaway PostgreSQL and the production
// build (`next start`). Workers inherit DATABASE_URL to seed through the factories.
import { existsSync } from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { startThrowawayDb } from "@/scripts/test/throwaway-db";
import { startGraphServer } from "@/test-support/fakes/graph-server";
import { startAppServer } from "./app-server";
import { graphGroupsOf, startOidcServer } from "./oidc-server";
import { E2E_SESSION_SECRET, E2E_SMTP_PASSWORD, METRICS_TOKEN } from "./server-secrets";
import { startSmtpServer } from "./smtp-server";

export default async function globalSetup(config: FullConfig) {
  if (!existsSync(path.resolve(".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npx next build` first (npm test does).");
  }
  const baseURL = config.projects[0]?.use.baseURL ?? "http://127.0.0.1:3210";
  const port = new URL(baseURL).port;
  const db = await startThrowawayDb("e2e");
  process.env.DATABASE_URL = db.url;
  // A local OpenID Connect provider for the single sign-on tests (password sign-in stays on).
  const oidc = await startOidcServer(baseURL);
  process.env.E2E_OIDC_ISSUER = oidc.issuer;
  // Microsoft Graph's stand-in, for an Entra ID user with too many groups for the token.
  const graph = await startGraphServer(() => graphGroupsOf());
  // A real SMTP server that requires a password: the app emails its digests there, so the
  // secret sweep can look for the SMTP password in every answer.
  const smtp = await startSmtpServer({ user: "roadbook", password: E2E_SMTP_PASSWORD });
  const server = await startAppServer({
    port,
    echoErrors: true,
    env: {
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: E2E_SESSION_SECRET,
      NEXTAUTH_URL: baseURL,
      // No background probe rounds (tests check on demand); probes may reach test servers on this machine.
      ROADBOOK_PROBE_INTERVAL_MINUTES: "0",
      ROADBOOK_PROBE_ALLOW: "127.0.0.1/32",
      ROADBOOK_METRICS_TOKEN: METRICS_TOKEN,
      ...oidc.env,
      ROADBOOK_OIDC_GRAPH_URL: graph.url,
      ROADBOOK_PASSWORD_LOGIN: "on",
      ROADBOOK_SMTP_URL: smtp.url,
      ROADBOOK_MAIL_FROM: "Roadbook e2e <roadbook@e2e.test>",
    },
  });
  return async () => {
    await server.stop();
    await oidc.stop();
    await graph.stop();
    await smtp.stop();
    await db.stop();
  };
}
