import { randomInt } from "node:crypto";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { expect, signIn, test } from "../support/fixtures";

/** Lowercase letters only, so the name stays one word the @mention autocomplete can match. */
const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join("");

test("a comment with a link, HTML as text and a keyboard-chosen @mention notifies the person mentioned", async ({
  page,
  browser,
  prisma,
}) => {
  const author = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const first = `Bram${letters(8)}`;
  const mentioned = await makeUser(prisma, { role: "BUSINESS", name: `${first} Okafor` });
  const row = await makeUseCase(prisma, { ownerId: author.id, title: `Churn talk ${Date.now()}` });
  const key = formatKey(row.number);

  await signIn(page, author);
  await page.goto(`/use-cases/${key}`);
  const discussion = page.getByRole("region", { name: "Discussion" });
  await expect(discussion.getByText("No comments yet.")).toBeVisible();
  const composer = discussion.getByRole("form", { name: "Add a comment" });
  const post = composer.getByRole("button", { name: "Comment" });
  await expect(post).toBeEnabled();
  const box = composer.getByRole("combobox", { name: "Add a comment" });

  const link = "https://wiki.example.com/churn?week=12";
  await box.fill(`Numbers: ${link}, and <b>not bold</b>. `);
  await box.pressSequentially(`@${first.slice(0, 9)}`);
  const listbox = composer.getByRole("listbox", { name: "People to mention" });
  await expect(listbox).toBeVisible({ timeout: 15_000 }); // a server lookup after a pause in typing
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const option = listbox.getByRole("option");
  await expect(option).toHaveCount(1);
  await expect(option).toContainText(mentioned.name);
  await box.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(listbox).toBeHidden();
  await expect(box).toHaveValue(`Numbers: ${link}, and <b>not bold</b>. @${mentioned.name} `);
  await box.pressSequentially("can you check?");
  await expect(box).toHaveValue(`Numbers: ${link}, and <b>not bold</b>. @${mentioned.name} can you check?`);

  // Posted in place: the page is not reloaded (the marker survives) and the box is emptied.
  await page.evaluate(() => {
    (window as unknown as { __stillHere: boolean }).__stillHere = true;
  });
  await post.click();
  const comment = discussion.getByRole("list", { name: "Comments" }).getByRole("listitem");
  await expect(comment).toHaveCount(1);
  await expect(comment).toContainText("<b>not bold</b>");
  await expect(box).toHaveValue("");
  expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);

  await expect(comment).toContainText(author.name);
  const anchor = comment.getByRole("link", { name: link, exact: true });
  await expect(anchor).toHaveAttribute("href", link);
  await expect(anchor).toHaveAttribute("rel", /(^|\s)noopener(\s|$)/);
  await expect(comment.locator("b")).toHaveCount(0);
  await expect(comment.getByText(`@${mentioned.name}`, { exact: true })).toBeVisible();
  const elementId = await comment.getAttribute("id");
  expect(elementId).toMatch(/^comment-.+/);
  const commentId = elementId?.replace(/^comment-/, "") ?? "";
  const stored = await prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
  expect(stored.body).toBe(`Numbers: ${link}, and <b>not bold</b>. @${mentioned.name} can you check?`);
  expect(stored.mentions).toEqual([mentioned.id]);

  // The person mentioned, in their own browser, is notified and lands on the comment.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const other = await context.newPage();
    await signIn(other, mentioned);
    await other.goto("/notifications");
    const entry = other.getByRole("link", { name: new RegExp(`mentioned you on ${key}`) });
    await expect(entry).toHaveCount(1);
    await expect(entry).toHaveText(`${author.name} mentioned you on ${key} “${row.title}”`);
    await expect(entry).toHaveAttribute("href", `/use-cases/${key}#comment-${commentId}`);
    await entry.click();
    await expect(other).toHaveURL(new RegExp(`/use-cases/${key}#comment-${commentId}$`));
    const target = other.locator(`[id="comment-${commentId}"]`);
    await expect(target).toBeVisible();
    await expect(target).toContainText("can you check?");
  } finally {
    await context.close();
  }
  // Mentioning notifies once, and never the author.
  expect(await prisma.notification.count({ where: { userId: mentioned.id, kind: "MENTION" } })).toBe(1);
  expect(await prisma.notification.count({ where: { userId: author.id, kind: "MENTION" } })).toBe(0);
});

test("a gate review has its own thread under the review, with its comment count", async ({ page, request, prisma }) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const row = await makeUseCase(prisma, {
    ownerId: owner.id,
    title: `Review talk ${Date.now()}`,
    output: "A churn score per customer",
    outcome: "Fewer customers leave",
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "100000", base: "200000", high: "300000" },
    pocResult: "AUC 0.81 on last year's churners",
  });
  const key = formatKey(row.number);
  const ownerAuth = { authorization: `Bearer ${await createApiToken(prisma, owner.email, "e2e")}` };
  const requested = await request.post(`/api/v1/use-cases/${key}/gates`, { headers: ownerAuth, data: {} });
  expect(requested.status()).toBe(201);
  const gate = (await requested.json()) as { id: string };

  await signIn(page, owner);
  await page.goto(`/use-cases/${key}`);
  const timeline = page.getByRole("list", { name: "Gate timeline" });
  const review = timeline.getByRole("article");
  await expect(review).toHaveCount(1);
  await review.getByText("Comments (0)").click();
  const composer = review.getByRole("form", { name: "Add a comment" });
  await expect(composer.getByRole("button", { name: "Comment" })).toBeEnabled();
  const text = `Evidence looks solid ${Date.now()}`;
  await composer.getByRole("combobox", { name: "Add a comment" }).fill(text);
  await composer.getByRole("button", { name: "Comment" }).click();
  await expect(review.getByRole("list", { name: "Comments" }).getByRole("listitem")).toContainText(text);
  await expect(review.getByText("Comments (1)")).toBeVisible();
  // It belongs to the review, not to the use case's own discussion.
  await expect(page.getByRole("region", { name: "Discussion" }).getByText(text)).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("list", { name: "Gate timeline" }).getByText("Comments (1)")).toBeVisible();
  const thread = await request.get(`/api/v1/use-cases/${key}/comments?gateReviewId=${gate.id}`, { headers: ownerAuth });
  expect(thread.status()).toBe(200);
  expect((await thread.json()).items).toEqual([expect.objectContaining({ body: text, gateReviewId: gate.id })]);
  const main = await request.get(`/api/v1/use-cases/${key}/comments`, { headers: ownerAuth });
  expect((await main.json()).items).toEqual([]);
});
