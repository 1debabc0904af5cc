// Chat channels, as an admin works them with the keyboard only: add a Slack channel (its URL is
// never shown again), send a test message to the local fake Slack (test-support/fakes/), pause
// it, delete it; the page is axe-clean; a refused address keeps the input; an edit replaces the
// name, events and URL (the next message goes to the new URL), and a stale edit says so.
import { createApiToken } from "@/server/auth/api-tokens";
import { FakeSlack } from "@/test-support/fakes/chat-servers";
import { seriousViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const slack = new FakeSlack(`/services/T0E2E/B0E2E/${Date.now()}secretpart`);
const movedSlack = new FakeSlack(`/services/T0E2E/B0MOVED/${Date.now()}movedpart`);
test.beforeAll(async () => {
  await slack.start();
  await movedSlack.start();
});
test.afterAll(() => {
  slack.stop();
  movedSlack.stop();
});

test("an admin adds a Slack channel with the keyboard, sends a test message, pauses and deletes it", async ({
  page,
  prisma,
  signInAs,
}) => {
  test.setTimeout(90_000);
  await signInAs("ADMIN");
  await page.goto("/admin/chat-channels");
  await expect(page.getByRole("heading", { name: "Chat channels", level: 1 })).toBeVisible({ timeout: 15_000 });
  expect(await seriousViolations(page)).toEqual([]);

  const name = `#ml-releases-${Date.now()}`;
  const form = page.getByRole("form", { name: "Add a chat channel" });
  await form.getByLabel("Tool").focus();
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Channel name")).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Incoming webhook URL")).toBeFocused();
  await page.keyboard.type(slack.webhookUrl);
  // Every event is chosen by default; leave out service outages.
  for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
  await expect(form.getByRole("checkbox", { name: "A service goes down" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(form.getByRole("checkbox", { name: "A service goes down" })).not.toBeChecked();
  await form.getByRole("button", { name: "Add channel" }).focus();
  await page.keyboard.press("Enter");

  const row = page.getByRole("listitem", { name: `Slack ${name}` });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row.getByText(`${slack.url}/services/…`)).toBeVisible();
  await expect(page.getByText("secretpart")).toHaveCount(0);
  await expect(row.getByText("A review is waiting · A review is decided · A condition is due")).toBeVisible();
  const stored = await prisma.webhook.findFirstOrThrow({ where: { description: name } });
  expect(stored).toMatchObject({
    kind: "SLACK",
    events: ["gate.requested", "gate.decided", "condition.due", "registry.drift"],
  });
  expect(stored.secret).not.toContain("secretpart");

  await row.getByRole("button", { name: `Send test message to Slack ${name}` }).focus();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("status")).toContainText("Delivered", { timeout: 15_000 });
  await expect(row.getByRole("status")).toContainText("HTTP 200");
  const message = slack.messages.at(-1) as { text: string; blocks: { type: string }[] };
  expect(message.text).toBe("Roadbook test message");
  expect(message.blocks.map((b) => b.type)).toEqual(["section", "actions"]);
  expect(await seriousViolations(page)).toEqual([]);

  await row.getByRole("button", { name: `Pause Slack ${name}` }).focus();
  await page.keyboard.press("Enter");
  await expect(row.getByText("· paused")).toBeVisible({ timeout: 15_000 });
  expect((await prisma.webhook.findUniqueOrThrow({ where: { id: stored.id } })).active).toBe(false);

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: `Delete Slack ${name}` }).focus();
  await page.keyboard.press("Enter");
  await expect(row).toHaveCount(0, { timeout: 15_000 });
  expect(await prisma.webhook.count({ where: { id: stored.id } })).toBe(0);
});

test("a cloud metadata address is refused on the URL field, the input is kept, nothing is saved", async ({
  page,
  prisma,
  signInAs,
}) => {
  await signInAs("ADMIN");
  await page.goto("/admin/chat-channels");
  const form = page.getByRole("form", { name: "Add a chat channel" });
  const name = `Metadata ${Date.now()}`;
  await form.getByLabel("Tool").selectOption("TEAMS");
  await form.getByLabel("Channel name").fill(name);
  await form.getByLabel("Incoming webhook URL").fill("http://169.254.169.254/webhookb2/x");
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(form.getByText(/refused by the address policy/)).toBeVisible({ timeout: 15_000 });
  await expect(form.getByLabel("Incoming webhook URL")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Channel name")).toHaveValue(name);
  expect(await prisma.webhook.count({ where: { description: name } })).toBe(0);
});

test("an admin edits a channel's name, events and URL; a stale edit keeps the input and says why", async ({
  page,
  prisma,
  signInAs,
}) => {
  test.setTimeout(90_000);
  const admin = await signInAs("ADMIN");
  const name = `#edit-me-${Date.now()}`;
  const created = await page.request.post("/api/v1/chat-channels", {
    headers: { authorization: `Bearer ${await createApiToken(prisma, admin.email, "e2e")}` },
    data: { tool: "SLACK", name, url: slack.webhookUrl, events: ["gate.decided"] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto("/admin/chat-channels");
  const row = page.getByRole("listitem", { name: `Slack ${name}` });
  await row.getByRole("button", { name: `Edit Slack ${name}` }).click();
  const form = row.getByRole("form", { name: `Edit Slack ${name}` });
  await expect(form.getByLabel("New incoming webhook URL")).toHaveValue("");
  expect(await seriousViolations(page)).toEqual([]);

  // A bad URL: the field says so, the input stays.
  const renamed = `${name}-renamed`;
  await form.getByLabel("Channel name").fill(renamed);
  await form.getByLabel("New incoming webhook URL").fill("http://169.254.169.254/services/x");
  await form.getByRole("button", { name: "Save channel" }).click();
  await expect(form.getByText(/refused by the address policy/)).toBeVisible({ timeout: 15_000 });
  await expect(form.getByLabel("Channel name")).toHaveValue(renamed);

  // A good one, with another event: saved; the next message goes to the new URL.
  await form.getByLabel("New incoming webhook URL").fill(movedSlack.webhookUrl);
  await form.getByRole("checkbox", { name: "A review is waiting" }).check();
  await form.getByRole("button", { name: "Save channel" }).click();
  const renamedRow = page.getByRole("listitem", { name: `Slack ${renamed}` });
  await expect(renamedRow.getByText("A review is waiting · A review is decided")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("movedpart")).toHaveCount(0);
  expect(await prisma.webhook.findUniqueOrThrow({ where: { id } })).toMatchObject({
    description: renamed,
    events: ["gate.requested", "gate.decided"],
    url: `${movedSlack.url}/services/…`,
    version: 2,
  });
  const before = movedSlack.messages.length;
  await renamedRow.getByRole("button", { name: `Send test message to Slack ${renamed}` }).click();
  await expect(renamedRow.getByRole("status")).toContainText("Delivered", { timeout: 15_000 });
  expect(movedSlack.messages.length).toBe(before + 1);

  // Someone else saves while the form is open: 409, the input is kept, a reload is offered.
  await renamedRow.getByRole("button", { name: `Edit Slack ${renamed}` }).click();
  const again = renamedRow.getByRole("form", { name: `Edit Slack ${renamed}` });
  await prisma.webhook.update({ where: { id }, data: { version: { increment: 1 } } });
  await again.getByLabel("Channel name").fill(`${name}-mine`);
  await again.getByRole("button", { name: "Save channel" }).click();
  await expect(again.getByRole("alert")).toHaveText(
    "Someone else changed this channel after you opened it. Your input is kept; reload to see their change.",
    { timeout: 15_000 },
  );
  await expect(again.getByLabel("Channel name")).toHaveValue(`${name}-mine`);
  await expect(again.getByRole("button", { name: "Reload" })).toBeVisible();
  expect((await prisma.webhook.findUniqueOrThrow({ where: { id } })).description).toBe(renamed);
  await prisma.webhook.delete({ where: { id } });
});
