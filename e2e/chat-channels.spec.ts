// Chat channels, as an admin works them with the keyboard only: add a Slack channel (its URL is
// never shown again), send a test message to the local fake Slack (test-support/fakes/), pause
// it, delete it; the page is axe-clean; a refused address keeps the input.
import { FakeSlack } from "../test-support/fakes/chat-servers";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";

const slack = new FakeSlack(`/services/T0E2E/B0E2E/${Date.now()}secretpart`);
test.beforeAll(async () => {
  await slack.start();
});
test.afterAll(() => slack.stop());

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
