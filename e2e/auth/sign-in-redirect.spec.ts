import { makeUser } from "@/prisma/seed/factories";
import { expect as baseExpect, test } from "../support/fixtures";

// Sign-in and server actions wait on password hashing and the database: generous on a busy CI machine.
const expect = baseExpect.configure({ timeout: 30_000 });

// The sign-in page's callbackUrl decides where the browser goes after a successful sign-in.
// Each payload below passed the old "starts with / but not //" check, or is a classic variant:
// the browser reads it as another host. Whatever is sent, sign-in ends on this app.
const OFF_SITE = [
  "/\\evil.example",
  "/%09/evil.example",
  "/%0A/evil.example",
  "/\\/evil.example",
  "//evil.example",
  "///evil.example",
  "\\\\evil.example",
  "https://evil.example/",
  "javascript:alert(document.domain)",
];

for (const payload of OFF_SITE) {
  test(`sign-in with callbackUrl=${payload} ends on the app, never off-site`, async ({ page, prisma, baseURL }) => {
    const app = new URL(baseURL as string).origin;
    const offSite: string[] = [];
    // Any request leaving the app is recorded and answered locally (no real network).
    await page.route(
      (url) => url.origin !== app,
      (route) => {
        offSite.push(route.request().url());
        return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" });
      },
    );
    const user = await makeUser(prisma, { role: "IT" });
    // The payload goes into the query as an attacker's link has it (percent-escapes kept as typed).
    await page.goto(`/login?callbackUrl=${payload.includes("%") ? payload : encodeURIComponent(payload)}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await page.waitForLoadState();
    expect(new URL(page.url()).origin).toBe(app);
    await expect(page.getByRole("heading", { name: "evil" })).toHaveCount(0);
    expect(offSite).toEqual([]);
  });
}

test("sign-in with a same-site callbackUrl lands on that page", async ({ page, prisma }) => {
  const user = await makeUser(prisma, { role: "IT" });
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/reviews?from=link")}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/reviews\?from=link$/);
});
