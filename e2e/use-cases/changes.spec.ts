// "What changed since I last looked": the sponsor opens a use case, the owner changes it, and the
// sponsor's next visit summarises the changes, links to them field by field, and lists the use
// case on the dashboard; the visit after that starts afresh. The API answers the same changes.
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { seriousViolations } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";

test("a sponsor sees what changed since the last visit, field by field, and on the dashboard", async ({
  page,
  prisma,
}) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST", name: "Olga Owner" });
  const sponsor = await makeUser(prisma, { role: "BUSINESS" });
  const oldTitle = `Churn radar ${Date.now()}`;
  const row = await makeUseCase(prisma, { ownerId: owner.id, sponsorId: sponsor.id, title: oldTitle });
  const key = formatKey(row.number);
  const changes = page.getByRole("region", { name: /Changes since your last visit/ });

  await signIn(page, sponsor);
  await page.goto(`/use-cases/${key}`);
  await expect(page.getByRole("heading", { name: oldTitle })).toBeVisible();
  await expect(changes).toHaveCount(0); // a first visit has nothing to compare with

  // The owner edits the title and comments, through the API.
  const auth = { authorization: `Bearer ${await createApiToken(prisma, owner.email, "changes")}` };
  const newTitle = `${oldTitle} v2`;
  const edited = await page.request.patch(`/api/v1/use-cases/${key}`, {
    headers: auth,
    data: { version: row.version, title: newTitle, outcome: "Fewer churners" },
  });
  expect(edited.status(), await edited.text()).toBe(200);
  const comment = await page.request.post(`/api/v1/use-cases/${key}/comments`, {
    headers: auth,
    data: { body: "Renamed it." },
  });
  expect(comment.status(), await comment.text()).toBe(201);

  // The dashboard lists it.
  await page.goto("/");
  const changed = page.getByRole("region", { name: "Changed since you last looked" });
  await expect(changed.getByRole("listitem").filter({ hasText: key })).toContainText("2 changes");

  await page.goto(`/use-cases/${key}`);
  await expect(changes).toContainText("2 changes by Olga Owner");
  await expect(changes.getByRole("link", { name: "Details edited: Title, Outcome" })).toHaveAttribute(
    "href",
    "#details",
  );
  // In place: the sections with changes are marked in the page's menu, and the changed field.
  const menu = page.getByRole("navigation", { name: "On this page" });
  await expect(menu.getByRole("link", { name: "Details (changed since your last visit)" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Discussion (changed since your last visit)" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Value", exact: true })).toBeVisible();
  const details = page.locator("#details");
  await expect(details.locator("dt", { hasText: "Outcome" })).toContainText("Changed since your last visit");
  await expect(details.locator("dt", { hasText: "Output" })).not.toContainText("Changed");
  await expect(changes.getByRole("link", { name: "1 new comment or feedback" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await changes.getByRole("link", { name: /See every change/ }).click();
  await expect(page).toHaveURL(new RegExp(`/use-cases/${key}/activity\\?since=`));
  await expect(page.getByText("Other people's changes since")).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(3); // the header and the two changes
  await expect(rows.filter({ hasText: "edited the use case" }).locator("ins")).toHaveText([
    `added: ${newTitle}`,
    "added: Fewer churners",
  ]);

  // The visit just made moves the mark: nothing new since.
  await page.goto(`/use-cases/${key}`);
  await expect(page.getByRole("heading", { name: newTitle })).toBeVisible();
  await expect(changes).toHaveCount(0);
  await expect(page.locator("#details")).not.toContainText("Changed since your last visit");
  await expect(
    page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Details", exact: true }),
  ).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Portfolio" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Changed since you last looked" }).getByRole("listitem").filter({ hasText: key }),
  ).toHaveCount(0);

  // The API: since a moment, the same two changes; a malformed since is a 422 problem.
  const sponsorAuth = { authorization: `Bearer ${await createApiToken(prisma, sponsor.email, "changes")}` };
  const since = new Date(Date.now() - 3_600_000).toISOString();
  const api = await page.request.get(`/api/v1/use-cases/${key}/changes?since=${since}`, { headers: sponsorAuth });
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.events.map((e: { action: string }) => e.action)).toEqual(["comment.create", "use-case.update"]);
  expect(body.summary).toMatchObject({ fields: ["Title", "Outcome"], discussion: 1 });
  const bad = await page.request.get(`/api/v1/use-cases/${key}/changes?since=yesterday`, { headers: sponsorAuth });
  expect(bad.status()).toBe(422);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
});
