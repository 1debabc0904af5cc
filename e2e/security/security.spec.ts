import { formatKey } from "@/lib/lifecycle";
import { makeAttachment, makeChecklist, makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken, hashToken } from "@/server/auth/api-tokens";
import { pagePaths, routeEntries } from "@/test-support/app-routes";
import { expect, signIn, test } from "../support/fixtures";
import { OIDC_CLIENT } from "../support/oidc-server";
import { E2E_SESSION_SECRET, E2E_SMTP_PASSWORD, METRICS_TOKEN } from "../support/server-secrets";
import { chooseFromUserMenu } from "../support/user-menu";

test("pages carry a CSP with a fresh nonce on every script, and the hardening headers", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const csp = first.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  for (const response of [first, await request.get("/api/health")]) {
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toContain("max-age=");
  }
});

test("the main pages run under the CSP without a single violation", async ({ page, signInAs, prisma }) => {
  // Eight pages, each until the network is idle: 2–6 s a page on a loaded 2-core CI machine.
  test.setTimeout(150_000);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Refused to load: CSP ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const admin = await signInAs("ADMIN");
  const useCase = await makeUseCase(prisma, { ownerId: admin.id, title: `Csp ${Date.now()}` });
  for (const path of [
    "/",
    "/use-cases",
    `/use-cases/UC-${useCase.number}`,
    "/board",
    "/portfolio/matrix",
    "/reviews",
    "/services",
  ]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  // Client-side validation (zod) runs on submit: it must not probe eval either.
  await page.goto("/use-cases/new");
  await expect(page.getByRole("button", { name: "Create use case" })).toBeEnabled();
  await page.getByRole("button", { name: "Create use case" }).click();
  await expect(page.getByText("Give the use case a title.").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a cookie-signed mutating API call from another site is refused; from this site it passes", async ({
  page,
  signInAs,
  baseURL,
}) => {
  await signInAs("DATA_SCIENTIST");
  const title = `Origin check ${Date.now()}`;
  const foreign = await page.request.post("/api/v1/use-cases", {
    headers: { origin: "http://evil.example" },
    data: { title },
  });
  expect(foreign.status()).toBe(403);
  const missing = await page.request.post("/api/v1/use-cases", { data: { title } });
  expect(missing.status()).toBe(403);
  const same = await page.request.post("/api/v1/use-cases", { headers: { origin: baseURL ?? "" }, data: { title } });
  expect(same.status()).toBe(201);
  // Reads need no Origin.
  expect((await page.request.get("/api/v1/use-cases?limit=1")).status()).toBe(200);
});

test("signing out ends the session everywhere: a copied cookie no longer works", async ({ browser, prisma }) => {
  const user = await makeUser(prisma, { role: "BUSINESS" });
  const first = await browser.newContext();
  const page = await first.newPage();
  await signIn(page, user);
  const cookies = await first.cookies();
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const other = await copy.newPage();
  await other.goto("/");
  await expect(other).not.toHaveURL(/\/login/);

  await page.goto("/");
  await chooseFromUserMenu(page, "Sign out");
  await expect(page).toHaveURL(/\/login/);
  await other.goto("/");
  await expect(other).toHaveURL(/\/login/);
  await first.close();
  await copy.close();
});

// Every secret the app holds, seeded with a known value through the way the app stores it; then
// every page (HTML and its RSC payload) and every GET handler is requested, and no body may hold
// any of them, plain or encoded: as an admin (who sees the most), then as each other role.
test("no secret, password, token or hash appears in any page, RSC payload or GET API answer", async ({
  page,
  browser,
  prisma,
}) => {
  test.setTimeout(420_000);
  const marker = Date.now();
  const password = `canary-password-${marker}-Zq8!`;
  const admin = await makeUser(prisma, { role: "ADMIN", password });
  await signIn(page, admin);
  const passwordHash = (await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash ?? "";
  expect(passwordHash).toMatch(/^\$argon2id\$/);
  const token = await createApiToken(prisma, admin.email, "canary");
  const bearer = { authorization: `Bearer ${token}` };

  // The webhook's signing secret: shown once by the create answer, stored sealed.
  const webhook = await page.request.post("/api/v1/webhooks", {
    headers: bearer,
    data: { url: "http://127.0.0.1:9/canary", events: ["gate.decided"] },
  });
  expect(webhook.status()).toBe(201);
  const { id: webhookId, secret: webhookSecret } = (await webhook.json()) as { id: string; secret: string };
  expect(webhookSecret).toMatch(/^whsec_/);
  const sealedWebhookSecret = (await prisma.webhook.findUniqueOrThrow({ where: { id: webhookId } })).secret;
  // A model registry's Bearer token and basic password, stored sealed.
  const registryToken = `canary-registry-bearer-${marker}`;
  const registryPassword = `canary-registry-basic-${marker}`;
  for (const [auth, secret] of [
    ["BEARER", registryToken],
    ["BASIC", registryPassword],
  ] as const) {
    const registry = await page.request.post("/api/v1/registries", {
      headers: bearer,
      data: { name: `Canary ${auth} ${marker}`, baseUrl: "http://127.0.0.1:9", auth, username: "canary", secret },
    });
    expect(registry.status(), await registry.text()).toBe(201);
  }
  const sealedRegistrySecrets = (
    await prisma.registryConnection.findMany({ where: { name: { startsWith: "Canary " } }, select: { secret: true } })
  ).map((r) => r.secret ?? "");
  expect(sealedRegistrySecrets.length).toBeGreaterThanOrEqual(2);
  // A chat channel's incoming-webhook URL (anyone holding it may post): added, then replaced, so
  // both the create and the update (and their audit events) are swept; one test message makes a
  // delivery-log entry; stored sealed, only its shown form (host and first path segment) readable.
  const chatUrl = (n: number) => `http://127.0.0.1:9/services/T0CANARY${n}/B0CANARY${n}/canary-chat-url-${marker}-${n}`;
  const channel = await page.request.post("/api/v1/chat-channels", {
    headers: bearer,
    data: { tool: "SLACK", name: `#canary-${marker}`, url: chatUrl(1), events: ["gate.decided"] },
  });
  expect(channel.status(), await channel.text()).toBe(201);
  const { id: channelId, version: channelVersion } = (await channel.json()) as { id: string; version: number };
  const replaced = await page.request.patch(`/api/v1/chat-channels/${channelId}`, {
    headers: bearer,
    data: { url: chatUrl(2), version: channelVersion },
  });
  expect(replaced.status(), await replaced.text()).toBe(200);
  const tested = await page.request.post(`/api/v1/webhooks/${channelId}/test`, { headers: bearer });
  expect(tested.status(), await tested.text()).toBeLessThan(300);
  const sealedChatUrl = (await prisma.webhook.findUniqueOrThrow({ where: { id: channelId } })).secret;
  expect(sealedChatUrl).toMatch(/^v1\./);
  const useCase = await makeUseCase(prisma, { ownerId: admin.id, title: `Canary ${marker}` });
  // An evidence file, so that GET /api/v1/attachments/{id} answers its bytes.
  await makeChecklist(prisma, { useCaseId: useCase.id, stage: "PROTOTYPE" });
  const item = await prisma.checklistItem.findFirstOrThrow({ where: { useCaseId: useCase.id } });
  const attachment = await makeAttachment(prisma, { checklistItemId: item.id, uploadedById: admin.id });

  const canaries: Record<string, string> = {
    "the password": password,
    "the password hash": passwordHash,
    "the API token": token,
    "the API token's hash": hashToken(token),
    "the webhook secret": webhookSecret,
    "the sealed webhook secret": sealedWebhookSecret,
    "the registry Bearer token": registryToken,
    "the registry basic password": registryPassword,
    ...Object.fromEntries(sealedRegistrySecrets.map((sealed, i) => [`sealed registry secret ${i + 1}`, sealed])),
    "the chat channel's first URL": chatUrl(1),
    "the chat channel's first URL past its shown part": chatUrl(1).split("/services/")[1] ?? "",
    "the chat channel's replacing URL": chatUrl(2),
    "the chat channel's replacing URL past its shown part": chatUrl(2).split("/services/")[1] ?? "",
    "the sealed chat channel URL": sealedChatUrl,
    "the OIDC client secret": OIDC_CLIENT.secret,
    "the session secret (NEXTAUTH_SECRET)": E2E_SESSION_SECRET,
    "the metrics token": METRICS_TOKEN,
    // The e2e server emails its digests through a local SMTP server that requires this password.
    "the SMTP password": E2E_SMTP_PASSWORD,
  };
  // A funding-round snapshot, so that its page and GET /api/v1/funding-snapshots/{id} answer it.
  const snapshot = await page.request.post("/api/v1/funding-snapshots", {
    headers: bearer,
    data: { name: `Canary round ${marker}` },
  });
  expect(snapshot.status(), await snapshot.text()).toBe(201);
  const { id: snapshotId } = (await snapshot.json()) as { id: string };
  // A saved view, so that GET /api/v1/views/{id} answers one.
  const view = await page.request.post("/api/v1/views", { headers: bearer, data: { name: `Canary view ${marker}` } });
  expect(view.status(), await view.text()).toBe(201);
  const { id: viewId } = (await view.json()) as { id: string };
  const params: Record<string, string> = {
    key: formatKey(useCase.number),
    id: admin.id,
    "...path": "no-such-endpoint",
    "...nextauth": "session",
    tag: "use-cases",
  };
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\[([^\]]+)\]/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`no value for [${name}] in ${template}`);
      return value;
    });
  /** A page's values: a snapshot's page takes the snapshot's id. */
  const pageParams = (template: string) =>
    template.startsWith("/portfolio/funding/") ? { ...params, id: snapshotId } : params;

  const searched: { where: string; body: string }[] = [];
  // Every page, as the browser loads it and as its RSC payload (a client navigation). A read
  // error fails the test: a body not read is a body not searched.
  const pages = pagePaths();
  expect(pages.length, "pages found under app/").toBeGreaterThan(20);
  for (const template of pages) {
    const path = fill(template, pageParams(template));
    const html = await page.request.get(path);
    expect(html.status(), `GET ${path}`).toBeLessThan(400);
    searched.push({ where: `GET ${path}`, body: await html.text() });
    const rsc = await page.request.get(path, { headers: { RSC: "1" } });
    expect(rsc.status(), `GET ${path} (RSC)`).toBeLessThan(400);
    searched.push({ where: `GET ${path} (RSC)`, body: await rsc.text() });
  }
  // Every GET handler, with the credential (and the query) it takes.
  const queries: Record<string, string> = {
    "/api/v1/use-cases/[key]/deployment-approval": "?environment=production&modelVersion=7",
    "/api/v1/funding-snapshots/compare": `?from=${snapshotId}&to=${snapshotId}`,
  };
  const reads = routeEntries().filter((route) => route.method === "GET");
  const idFor = (path: string) =>
    path.startsWith("/api/v1/webhooks/")
      ? webhookId
      : path.startsWith("/api/v1/attachments/")
        ? attachment.id
        : path.startsWith("/api/v1/funding-snapshots/")
          ? snapshotId
          : path.startsWith("/api/v1/views/")
            ? viewId
            : admin.id;
  for (const route of reads) {
    const path = fill(route.path, { ...params, id: idFor(route.path) }) + (queries[route.path] ?? "");
    const headers = path === "/api/metrics" ? { authorization: `Bearer ${METRICS_TOKEN}` } : bearer;
    const response = await page.request.get(path, { headers });
    expect(response.status(), `GET ${path}`).toBe(route.path === "/api/[...path]" ? 404 : 200);
    searched.push({ where: `GET ${path}`, body: await response.text() });
  }
  // The chat channel's own delivery log (the handler above read the signed webhook's).
  const channelLog = await page.request.get(`/api/v1/webhooks/${channelId}/deliveries`, { headers: bearer });
  expect(channelLog.status(), "the chat channel's delivery log").toBe(200);
  const channelLogBody = await channelLog.text();
  expect(channelLogBody, "the chat channel's delivery log holds the test message").toContain("ping");
  searched.push({ where: `GET /api/v1/webhooks/${channelId}/deliveries`, body: channelLogBody });
  expect(searched.length, "bodies searched: two per page, one per GET handler, the channel's log").toBe(
    pages.length * 2 + reads.length + 1,
  );
  // The other roles see other pages and answers (their own work, refusals): each one reads every
  // page and every GET handler too. A refusal's body is searched like any other.
  const roleReads = reads.filter((route) => route.path !== "/api/metrics"); // its own token, not a role's
  for (const role of ["BUSINESS", "DATA_SCIENTIST", "IT", "RISK"] as const) {
    const user = await makeUser(prisma, { role, password: `${password}-${role}` });
    const context = await browser.newContext();
    const rolePage = await context.newPage();
    await signIn(rolePage, user);
    const roleBearer = { authorization: `Bearer ${await createApiToken(prisma, user.email, "canary")}` };
    const before = searched.length;
    for (const template of pages) {
      const path = fill(template, pageParams(template));
      const html = await rolePage.request.get(path);
      expect(html.status(), `GET ${path} as ${role}`).toBeLessThan(500);
      searched.push({ where: `GET ${path} as ${role}`, body: await html.text() });
    }
    for (const route of roleReads) {
      const path = fill(route.path, { ...params, id: idFor(route.path) }) + (queries[route.path] ?? "");
      const response = await rolePage.request.get(path, { headers: roleBearer });
      expect(response.status(), `GET ${path} as ${role}`).toBeLessThan(500);
      searched.push({ where: `GET ${path} as ${role}`, body: await response.text() });
    }
    expect(searched.length - before, `bodies searched as ${role}`).toBe(pages.length + roleReads.length);
    await context.close();
  }
  // Read: the canary webhook, chat channel and registries go, so other specs sharing the database never meet
  // them (a page listing every registry, deliveries to a closed port).
  await prisma.webhook.deleteMany({ where: { id: { in: [webhookId, channelId] } } });
  await prisma.registryConnection.deleteMany({
    where: { name: { startsWith: "Canary " }, baseUrl: "http://127.0.0.1:9" },
  });

  const found: string[] = [];
  for (const [name, secret] of Object.entries(canaries)) {
    expect(secret.length, name).toBeGreaterThanOrEqual(16);
    for (const form of encodedForms(secret))
      for (const { where, body } of searched)
        if (body.includes(form.text)) found.push(`${name} (${form.encoding}) in ${where}`);
  }
  expect(found).toEqual([]);
});

/** A secret as it may appear in a body: plain, URL-encoded, JSON-escaped, base64 and base64url (at any of the three alignments). */
function encodedForms(secret: string): { encoding: string; text: string }[] {
  const forms = [
    { encoding: "plain", text: secret },
    { encoding: "URL-encoded", text: encodeURIComponent(secret) },
    { encoding: "JSON-escaped", text: JSON.stringify(secret).slice(1, -1) },
  ];
  for (const encoding of ["base64", "base64url"] as const)
    for (const shift of [0, 1, 2]) {
      // The characters that depend on the secret alone: after the block holding the shift, before the last block.
      const encoded = Buffer.from("\0".repeat(shift) + secret).toString(encoding);
      forms.push({ encoding: `${encoding}, offset ${shift}`, text: encoded.slice(shift ? 4 : 0, -4) });
    }
  return forms;
}
