import http from "node:http";
import type { AddressInfo } from "node:net";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { seriousViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

/** A stand-in for Grafana on this machine (the e2e server may probe 127.0.0.1). */
async function fakeGrafana(): Promise<{ port: number; close: () => void }> {
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { "content-type": "text/html" }).end("<h1>Grafana</h1>"),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

test("import the article's stack from a compose file, save it, and see each service's health", async ({
  page,
  prisma,
  signInAs,
}) => {
  const grafana = await fakeGrafana();
  try {
    const owner = await signInAs("DATA_SCIENTIST");
    const row = await makeUseCase(prisma, { ownerId: owner.id, stage: "PACKAGING", title: `Stack ${Date.now()}` });
    const compose = [
      "services:",
      "  grafana:",
      "    image: grafana/grafana:10.4.2",
      `    ports: ["${grafana.port}:3000"]`,
      "  superset:",
      "    image: apache/superset:4.0.0",
      '    ports: ["1:8088"]', // nothing listens on port 1: down
      "  postgres:",
      "    image: postgres:16",
      '    ports: ["5432:5432"]',
    ].join("\n");
    await page.goto(`/use-cases/${formatKey(row.number)}#services`);
    const section = page.getByRole("region", { name: "Services" });
    await section.getByText("Import from docker-compose.yml").click();
    const form = section.getByRole("form", { name: "Import from docker-compose" });
    await expect(form.getByRole("button", { name: "Preview the services" })).toBeEnabled();
    await form.getByLabel("Base address").fill("http://127.0.0.1");
    await form.getByLabel("docker-compose.yml").fill("services:\n  a: [\n");
    await form.getByRole("button", { name: "Preview the services" }).click();
    await expect(form.getByText(/Invalid YAML at line \d+/)).toBeVisible();
    await form.getByLabel("docker-compose.yml").fill(compose);
    await form.getByRole("button", { name: "Preview the services" }).click();

    const preview = section.getByRole("form", { name: "Services to save" });
    await expect(preview.getByRole("checkbox", { name: "Save grafana" })).toBeChecked();
    await expect(preview.getByRole("checkbox", { name: "Save superset" })).toBeChecked();
    await expect(preview.getByRole("checkbox", { name: "Save postgres" })).not.toBeChecked();
    await expect(preview.getByLabel("Kind of grafana")).toHaveValue("GRAFANA");
    await preview.getByLabel("Name of grafana").fill("Monitoring");
    await preview.getByLabel("Environment of superset").selectOption("STAGING");
    await preview.getByRole("button", { name: "Save 2 selected" }).click();
    await expect(section.getByText("Saved 2 services.")).toBeVisible();

    const list = section.getByRole("list", { name: "Services of this use case" });
    const monitoring = list.getByRole("listitem", { name: "Monitoring" });
    await expect(monitoring).toContainText("Not checked yet");
    await expect(monitoring.getByRole("link", { name: "Open Monitoring" })).toHaveAttribute(
      "href",
      `http://127.0.0.1:${grafana.port}/`,
    );
    await monitoring.getByRole("button", { name: "Check now Monitoring" }).click();
    await expect(monitoring).toContainText(/Up · \d+ ms/);
    const superset = list.getByRole("listitem", { name: "superset" });
    await superset.getByRole("button", { name: "Check now superset" }).click();
    await expect(superset).toContainText("Down");
    await expect(superset).toContainText("connection refused");

    await page.goto("/services?health=DOWN");
    const all = page.getByRole("list", { name: "All services" });
    await expect(all.getByRole("listitem", { name: "superset" })).toBeVisible();
    await expect(all.getByRole("listitem", { name: "Monitoring" })).toHaveCount(0);
  } finally {
    grafana.close();
  }
});

test("services over the API: compose preview, a clear 422 for bad YAML, and probes blocked by policy", async ({
  request,
  prisma,
}) => {
  const itUser = await makeUser(prisma, { role: "IT" });
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const row = await makeUseCase(prisma, { ownerId: owner.id });
  const key = formatKey(row.number);
  const headers = { authorization: `Bearer ${await createApiToken(prisma, itUser.email, "e2e")}` };
  const yaml = { ...headers, "content-type": "application/yaml" };

  const preview = await request.post(`/api/v1/use-cases/${key}/services/import?baseUrl=http://stack.example.com`, {
    headers: yaml,
    data: "services:\n  jenkins:\n    image: jenkins/jenkins:lts\n    ports: ['8090:8080']\n",
  });
  expect(preview.status()).toBe(200);
  expect((await preview.json()).services).toEqual([
    {
      name: "jenkins",
      image: "jenkins/jenkins:lts",
      kind: "JENKINS",
      url: "http://stack.example.com:8090/",
      proposed: true,
    },
  ]);
  expect(await prisma.service.count({ where: { useCaseId: row.id } })).toBe(0);

  const bad = await request.post(`/api/v1/use-cases/${key}/services/import?baseUrl=http://h`, {
    headers: yaml,
    data: "a: [\n",
  });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors[0]).toMatchObject({
    path: "file",
    message: expect.stringMatching(/^Invalid YAML at line/),
  });
  const tooBig = await request.post(`/api/v1/use-cases/${key}/services/import?baseUrl=http://h`, {
    headers: yaml,
    data: `x: "${"a".repeat(1024 * 1024 + 10)}"`,
  });
  expect(tooBig.status()).toBe(413);

  const created = await request.post(`/api/v1/use-cases/${key}/services`, {
    headers,
    data: { name: "Metadata", environment: "DEV", url: "http://169.254.169.254/latest/meta-data/" },
  });
  expect(created.status()).toBe(201);
  const service = await created.json();
  const check = await request.post(`/api/v1/services/${service.id}/check`, { headers });
  expect(check.status()).toBe(200);
  expect((await check.json()).health).toMatchObject({ status: "BLOCKED", httpStatus: null });
});

test("the owner edits a Jenkins service's job and user, keeps or forgets its token; a stale edit keeps the input", async ({
  page,
  prisma,
  signInAs,
}) => {
  test.setTimeout(90_000);
  const owner = await signInAs("DATA_SCIENTIST");
  const row = await makeUseCase(prisma, { ownerId: owner.id, stage: "PACKAGING", title: `Jenkins ${Date.now()}` });
  const key = formatKey(row.number);
  const created = await page.request.post(`/api/v1/use-cases/${key}/services`, {
    headers: { authorization: `Bearer ${await createApiToken(prisma, owner.email, "e2e")}` },
    data: {
      name: "Deploy job",
      kind: "JENKINS",
      environment: "PRODUCTION",
      url: "http://127.0.0.1:1/job/churn-deploy/",
      jenkinsJob: "churn-deploy",
      jenkinsUser: "roadbook",
      jenkinsToken: "jenkins-token-e2e-1234",
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const sealed = (await prisma.service.findUniqueOrThrow({ where: { id } })).jenkinsToken;
  expect(sealed).toBeTruthy();

  await page.goto(`/use-cases/${key}#services`);
  const item = page
    .getByRole("list", { name: "Services of this use case" })
    .getByRole("listitem", { name: "Deploy job" });
  await item.getByRole("button", { name: "Edit Deploy job" }).click();
  let form = item.getByRole("form", { name: "Edit Deploy job" });
  await expect(form.getByLabel("Job", { exact: true })).toHaveValue("churn-deploy");
  await expect(form.getByLabel("Jenkins user")).toHaveValue("roadbook");
  await expect(form.getByLabel("New API token")).toHaveValue("");
  await expect(page.getByText("jenkins-token-e2e-1234")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // A job name Jenkins cannot have: the field says so, the input stays.
  await form.getByLabel("Job", { exact: true }).fill("team//churn");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText(/Give the job's name as in its URL/)).toBeVisible({ timeout: 15_000 });
  await expect(form.getByLabel("Job", { exact: true })).toHaveValue("team//churn");

  // A new job and user; the token field left empty keeps the stored token.
  await form.getByLabel("Job", { exact: true }).fill("team/churn-deploy");
  await form.getByLabel("Jenkins user").fill("roadbook-bot");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toHaveCount(0, { timeout: 15_000 });
  expect(await prisma.service.findUniqueOrThrow({ where: { id } })).toMatchObject({
    jenkinsJob: "team/churn-deploy",
    jenkinsUser: "roadbook-bot",
    jenkinsToken: sealed,
    version: 2,
  });

  // Forget the token (from the page as it is now: a form opened before the refresh would get 409).
  await page.reload();
  await item.getByRole("button", { name: "Edit Deploy job" }).click();
  form = item.getByRole("form", { name: "Edit Deploy job" });
  await form.getByRole("checkbox", { name: "Forget the stored token" }).check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toHaveCount(0, { timeout: 15_000 });
  expect(await prisma.service.findUniqueOrThrow({ where: { id } })).toMatchObject({
    jenkinsJob: "team/churn-deploy",
    jenkinsToken: null,
    version: 3,
  });

  // Someone else saves while the form is open: 409, the input is kept, a reload is offered.
  await page.reload();
  await item.getByRole("button", { name: "Edit Deploy job" }).click();
  form = item.getByRole("form", { name: "Edit Deploy job" });
  await expect(form.getByLabel("API token", { exact: true })).toHaveValue("");
  await prisma.service.update({ where: { id }, data: { version: { increment: 1 } } });
  await form.getByLabel("Job", { exact: true }).fill("team/churn-deploy-v2");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Someone else changed this service after you opened it. Your input is kept; reload to see their change.",
    { timeout: 15_000 },
  );
  await expect(form.getByLabel("Job", { exact: true })).toHaveValue("team/churn-deploy-v2");
  await expect(form.getByRole("button", { name: "Reload" })).toBeVisible();
  expect((await prisma.service.findUniqueOrThrow({ where: { id } })).jenkinsJob).toBe("team/churn-deploy");
});
