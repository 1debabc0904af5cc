// The ML toolchain end to end: an admin connects the (fake) MLflow registry, a data scientist
// links the model, G3 approves v7 at a commit, and the deployment-approval check (the very curl
// line of docs/integrations.md, with a deploy:check token) allows v7 and refuses v8, and the model
// card lists v7 among the approved versions; then
// @champion moves to v8 in the registry and the dashboard warns of the drift.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser, satisfyGateCriteria } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { FakeMlflow } from "@/test-support/fakes/mlflow-server";
import { expect, test } from "../support/fixtures";

const fake = new FakeMlflow();
test.beforeAll(async () => {
  await fake.start();
  fake.addModel({
    name: "churn-model",
    versions: Array.from({ length: 8 }, (_, i) => ({ version: String(i + 1), runId: `3f2a9c${i + 1}d4e5f60718` })),
    aliases: { champion: "7", challenger: "8" },
  });
  fake.addRun({ runId: "3f2a9c7d4e5f60718", metrics: { auc: 0.912 } });
});
test.afterAll(() => fake.stop());

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** The curl one-liner of docs/integrations.md, run as a pipeline would: its exit code. */
function curlOneLiner(env: Record<string, string>): number {
  const doc = readFileSync("docs/integrations.md", "utf8");
  const line = /<!-- curl-one-liner[^>]*-->\s*```sh\n([^\n]+)\n```/.exec(doc)?.[1];
  if (!line) throw new Error("docs/integrations.md: the curl one-liner was not found");
  try {
    execFileSync("bash", ["-o", "pipefail", "-c", line], {
      env: { ...process.env, ...env } as NodeJS.ProcessEnv,
      stdio: "pipe",
    });
    return 0;
  } catch (error) {
    return (error as { status?: number }).status ?? 1;
  }
}

test("an admin connects MLflow, a data scientist links the model, G3 approves v7: the pipeline may deploy v7, not v8", async ({
  page,
  prisma,
  signInAs,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // The admin connects the registry.
  await signInAs("ADMIN");
  await page.goto("/admin/registries");
  await expect(page.getByRole("heading", { name: "Model registries" })).toBeVisible({ timeout: 15_000 });
  const registryName = `MLflow e2e ${Date.now()}`;
  await page.getByLabel("Name", { exact: true }).fill(registryName);
  await page.getByLabel("Base URL").fill(fake.url);
  await page.getByLabel("Authentication").selectOption("BEARER");
  await page.getByLabel("Token", { exact: true }).fill("mlflow-e2e-token");
  fake.requireAuthorization = "Bearer mlflow-e2e-token";
  await page.getByRole("button", { name: "Connect registry" }).click();
  await expect(page.getByText(registryName)).toBeVisible({ timeout: 15_000 });
  // Its own entry: other specs connect registries of their own to the same database.
  const entry = page.getByRole("listitem").filter({ hasText: registryName });
  await expect(entry.getByText("Bearer token (stored encrypted)")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // A data scientist links the model on their use case, ready for G3.
  await page.context().clearCookies();
  const ds = await signInAs("DATA_SCIENTIST");
  const business = await makeUser(prisma, { role: "BUSINESS" });
  const it_ = await makeUser(prisma, { role: "IT" });
  const row = await makeUseCase(prisma, {
    ownerId: ds.id,
    sponsorId: business.id,
    stage: "PACKAGING",
    title: `Churn e2e ${Date.now()}`,
    output: "Churn probability per customer",
    outcome: "Fewer customers lost",
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "100000", base: "200000", high: "300000" },
    pocResult: "AUC 0.81",
  });
  await satisfyGateCriteria(prisma, "G3", { useCaseId: row.id, authorId: ds.id, itUserId: it_.id });
  const key = formatKey(row.number);
  await page.goto(`/use-cases/${key}/toolchain`);
  await expect(page.getByRole("heading", { name: `Models and code of ${key}` })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("No registered model linked yet.")).toBeVisible();
  await page.getByLabel("Repository URL").fill("https://git.example.com/team/churn");
  await page.getByRole("button", { name: "Save repository" }).click();
  await page.getByLabel("Registry", { exact: true }).selectOption({ label: registryName });
  await page.getByLabel("Registered model name").fill("churn-model");
  await page.getByRole("button", { name: "Link model" }).click();
  const card = page.getByRole("article", { name: "Model churn-model" });
  await expect(card.getByText("@champion → v7")).toBeVisible({ timeout: 15_000 });
  await expect(card.getByText("Synced", { exact: true })).toBeVisible();
  await expect(card.getByText("auc 0.912")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect(await prisma.codeRepository.findUnique({ where: { useCaseId: row.id } })).toMatchObject({
    url: "https://git.example.com/team/churn",
  });

  // The registry goes down: the page shows the last sync as stale, never an error.
  fake.down = true;
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(card.getByText("Stale", { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(card.getByText("@champion → v7")).toBeVisible();
  fake.down = false;

  // G3 asked for v7 at a commit, through the API; IT and business decide GO.
  const api = async (token: string, method: string, path: string, data?: unknown) => {
    const response = await page.request.fetch(path, { method, headers: { authorization: `Bearer ${token}` }, data });
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
    return (await response.json()) as { id: string };
  };
  const review = await api(await createApiToken(prisma, ds.email, "e2e"), "POST", `/api/v1/use-cases/${key}/gates`, {
    note: "Ship v7",
    modelVersion: "7",
    commit: "a1b2c3d",
  });
  for (const decider of [it_, business])
    await api(await createApiToken(prisma, decider.email, "e2e"), "POST", `/api/v1/gates/${review.id}/decisions`, {
      decision: "GO",
      rationale: "Evidence holds",
    });
  await page.goto(`/use-cases/${key}`);
  await expect(page.getByTestId("gate-release")).toHaveText(
    "G3 approved churn-model v7 @champion (run 3f2a9c7d…), commit a1b2c3d",
    { timeout: 15_000 },
  );
  // The model card (the printable page) lists the approved version.
  await page.goto(`/use-cases/${key}/model-card`);
  const approved = page.getByRole("region", { name: "Approved versions" });
  const g3Row = approved.getByRole("row", { name: /^G3 Go/ });
  await expect(g3Row).toBeVisible({ timeout: 15_000 });
  await expect(g3Row.getByRole("cell", { name: "churn-model v7 @champion" })).toBeVisible();
  await expect(g3Row.getByRole("cell", { name: "3f2a9c7d4e5f60718" })).toBeVisible();
  await expect(g3Row.getByRole("cell", { name: "a1b2c3d" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The pipeline's token may check deployments, and nothing else.
  const pipeline = await createApiToken(prisma, it_.email, "Jenkins deploy", { scope: "deploy:check" });
  const ask = (version: string) =>
    page.request.get(
      `/api/v1/use-cases/${key}/deployment-approval?environment=production&modelVersion=${version}&commit=a1b2c3d4e5`,
      { headers: { authorization: `Bearer ${pipeline}` } },
    );
  expect(await (await ask("7")).json()).toMatchObject({
    allowed: true,
    gate: "G3",
    modelVersion: "7",
    commit: "a1b2c3d",
  });
  const refused = (await (await ask("8")).json()) as { allowed: boolean; reasons: string[] };
  expect(refused.allowed).toBe(false);
  expect(refused.reasons).toEqual([`No passing gate of ${key} approved model version 8 with commit a1b2c3d4e5.`]);
  expect(
    (await page.request.get(`/api/v1/use-cases/${key}`, { headers: { authorization: `Bearer ${pipeline}` } })).status(),
  ).toBe(403);

  // The documented curl line: exit 0 for v7, a failure for v8 and for a wrong token.
  const env = { ROADBOOK_URL: baseURL ?? "", ROADBOOK_TOKEN: pipeline, USE_CASE: key, GIT_COMMIT: "a1b2c3d4e5" };
  expect(curlOneLiner({ ...env, MODEL_VERSION: "7" })).toBe(0);
  expect(curlOneLiner({ ...env, MODEL_VERSION: "8" })).not.toBe(0);
  expect(curlOneLiner({ ...env, MODEL_VERSION: "7", ROADBOOK_TOKEN: "rb_wrong" })).not.toBe(0);
  expect(
    await prisma.auditEvent.count({ where: { action: "deployment.check", useCaseId: row.id } }),
  ).toBeGreaterThanOrEqual(4);

  // Someone moves @champion to v8 in MLflow: the next sync raises the drift warning, once.
  fake.setAlias("churn-model", "champion", "8");
  await page.goto(`/use-cases/${key}/toolchain`);
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(card.getByText("@champion points to v8, which no gate approved", { exact: false })).toBeVisible({
    timeout: 15_000,
  });
  await page.goto("/");
  const drifted = page.getByRole("region", { name: /Models serving an unapproved version/ });
  await expect(drifted.getByRole("link", { name: `churn-model ${key}` })).toBeVisible({ timeout: 15_000 });
  await expect(drifted.getByText("@champion → v8, not approved by a gate").first()).toBeVisible();
  await page.goto(`/use-cases/${key}`);
  await expect(page.getByRole("alert").filter({ hasText: "@champion of churn-model points to v8." })).toBeVisible();
  expect(await prisma.notification.count({ where: { kind: "REGISTRY_DRIFT", userId: ds.id } })).toBe(1);
});
