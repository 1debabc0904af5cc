// Finding 9 of the outside security review (docs/security.md): a server started on an empty database serves /setup only to whoever
// has the one-time setup code from its log (and its setup-code file). Its own server and
// database: the suite's shared one has users from the first test on.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startThrowawayDb } from "@/scripts/test/throwaway-db";
import { type AppServer, startAppServer } from "../support/app-server";
import { expect, test } from "../support/fixtures";

let server: AppServer;
let db: { url: string; stop: () => Promise<void> };
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  dir = mkdtempSync(path.join(os.tmpdir(), "roadbook-first-run-"));
  db = await startThrowawayDb("first-run");
  const port = String(Number(new URL(test.info().project.use.baseURL ?? "http://127.0.0.1:3210").port) + 7);
  server = await startAppServer({
    port,
    env: {
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: "first-run-secret-first-run-secret-first-run",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      ROADBOOK_PROBE_INTERVAL_MINUTES: "0",
      ROADBOOK_PASSWORD_LOGIN: "on",
      ROADBOOK_SETUP_CODE_FILE: path.join(dir, "setup-code"),
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await db?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the first visitor needs the setup code from the server's log to create the admin", async ({ page }) => {
  const code = readFileSync(path.join(dir, "setup-code"), "utf8").trim();
  expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  expect(server.log()).toContain(`enter the setup code ${code}`);

  await page.goto(`${server.url}/login`);
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Setup code").fill("AAAA-BBBB-CCCC-DDDD");
  await page.getByLabel("Name").fill("Ada Admin");
  await page.getByLabel("Email").fill("ada@first-run.test");
  await page.getByLabel("Password").fill("orbit-tangerine-walrus-81");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("This is not the setup code.", { exact: false })).toBeVisible();
  // What the visitor typed is kept; the right code creates the admin, and /setup closes.
  await expect(page.getByLabel("Email")).toHaveValue("ada@first-run.test");
  await page.getByLabel("Setup code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(`${server.url}/setup`);
  await expect(page).toHaveURL(/\/login$/);
  expect(() => readFileSync(path.join(dir, "setup-code"))).toThrow(/ENOENT/);
});
