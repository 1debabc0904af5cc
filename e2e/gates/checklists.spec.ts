import type { Page } from "@playwright/test";
import { formatKey } from "@/lib/lifecycle";
import { makeChecklist, makeUseCase, makeUser } from "@/prisma/seed/factories";
import { expect, signIn, test } from "../support/fixtures";

async function finishItem(page: Page, label: string, fill: (form: ReturnType<Page["getByRole"]>) => Promise<void>) {
  await page.getByRole("button", { name: `Update “${label}”` }).click();
  const form = page.getByRole("form", { name: `Edit “${label}”` });
  await fill(form);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toHaveCount(0);
}

test("IT works a packaging checklist to completion and signs off; the data scientist sees G3's checklist criteria met", async ({
  browser,
  prisma,
}) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const itUser = await makeUser(prisma, { role: "IT", name: "Ines Handover" });
  const title = `Packaged model ${Date.now()}`;
  const row = await makeUseCase(prisma, { ownerId: owner.id, title, stage: "PACKAGING" });
  await makeChecklist(prisma, { useCaseId: row.id, stage: "PACKAGING" });
  const key = formatKey(row.number);

  const ops = await (await browser.newContext()).newPage();
  await signIn(ops, itUser);
  await ops.goto("/handover?sort=title");
  await ops.getByRole("link", { name: new RegExp(title) }).click();
  await expect(ops.getByRole("heading", { name: title })).toBeVisible();
  const left = ops.getByRole("list", { name: "Packaging & preparing checklist: left to do" });
  await expect(left.getByRole("listitem")).toHaveCount(8);

  // A choice needs one of its options; "not applicable" needs a reason; the typed input stays.
  await ops.getByRole("button", { name: "Update “Infrastructure chosen”" }).click();
  const infra = ops.getByRole("form", { name: "Edit “Infrastructure chosen”" });
  await infra.getByLabel("Status").selectOption("DONE");
  await infra.getByLabel("Evidence link").fill("https://wiki.example.com/infra");
  await infra.getByRole("button", { name: "Save" }).click();
  await expect(infra.getByText("Choose an answer before marking it done.")).toBeVisible();
  await expect(infra.getByLabel("Evidence link")).toHaveValue("https://wiki.example.com/infra");
  await infra.getByLabel("Answer").selectOption("hybrid");
  await infra.getByRole("button", { name: "Save" }).click();
  await expect(infra).toHaveCount(0);

  await ops.getByRole("button", { name: "Update “CI/CD”" }).click();
  const cicd = ops.getByRole("form", { name: "Edit “CI/CD”" });
  await cicd.getByLabel("Status").selectOption("NOT_APPLICABLE");
  await cicd.getByRole("button", { name: "Save" }).click();
  await expect(cicd.getByText("Say why the item does not apply.")).toBeVisible();
  await cicd
    .getByLabel("Why it does not apply")
    .fill("Batch job run by the platform scheduler; no pipeline of its own");
  await cicd.getByRole("button", { name: "Save" }).click();
  await expect(cicd).toHaveCount(0);

  const answers: Record<string, string | null> = {
    "Programming language chosen": "Python 3.12",
    "Open-source policy for the stack (list the components in the note)": "accepted",
    "Code versioning": "git on GitLab",
    "Model deployment option": "REST API in a container",
    "Test strategy (unit, acceptance, integration)": "pytest unit + integration on staging",
    "Processing automated and the whole pipeline monitored, from extraction to exposure": null,
  };
  for (const [label, answer] of Object.entries(answers)) {
    await finishItem(ops, label, async (form) => {
      await form.getByLabel("Status").selectOption("DONE");
      if (answer === "accepted") await form.getByLabel("Answer").selectOption(answer);
      else if (answer) await form.getByLabel("Answer").fill(answer);
    });
  }
  await expect(left).toHaveCount(0);
  await expect(ops.getByRole("progressbar", { name: "Packaging & preparing checklist" })).toHaveAttribute(
    "aria-valuenow",
    "8",
  );
  await ops.getByRole("button", { name: "Sign off the packaging & preparing checklist" }).click();
  await expect(ops.getByText(/Signed off by Ines Handover on/)).toBeVisible();

  const ds = await (await browser.newContext()).newPage();
  await signIn(ds, owner);
  await ds.goto(`/use-cases/${key}`);
  const criteria = ds.getByRole("list", { name: "Entry criteria" });
  await expect(criteria.getByRole("listitem").filter({ hasText: "Packaging checklist complete" })).toContainText(
    "Met:",
  );
  await expect(criteria.getByRole("listitem").filter({ hasText: "Handover signed off by IT" })).toContainText("Met:");
  await expect(criteria).toContainText("Register at least one service in the PRODUCTION environment.");
  const signOffs = await prisma.checklistSignOff.findMany({ where: { useCaseId: row.id } });
  expect(signOffs).toEqual([expect.objectContaining({ byId: itUser.id, voidedAt: null })]);
});

test("checklists over the API: read, answer with a version, stale 409, sign-off 409 until complete", async ({
  request,
  prisma,
}) => {
  const { createApiToken } = await import("@/server/auth/api-tokens");
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const itUser = await makeUser(prisma, { role: "IT" });
  const business = await makeUser(prisma, { role: "BUSINESS" });
  const row = await makeUseCase(prisma, { ownerId: owner.id, stage: "PROTOTYPE" });
  await makeChecklist(prisma, { useCaseId: row.id, stage: "PROTOTYPE" });
  const key = formatKey(row.number);
  const auth = async (email: string) => ({ authorization: `Bearer ${await createApiToken(prisma, email, "e2e")}` });
  const itAuth = await auth(itUser.email);
  const businessAuth = await auth(business.email);

  const read = await request.get(`/api/v1/use-cases/${key}/checklist`, { headers: businessAuth });
  expect(read.status()).toBe(200);
  const checklist = await read.json();
  expect(checklist).toMatchObject({ stage: "PROTOTYPE", signedOff: null });
  expect(checklist.items).toHaveLength(5);
  const [first] = checklist.items;
  expect(first).toMatchObject({ status: "TODO", answerType: "TEXT", version: 1 });

  const url = `/api/v1/use-cases/${key}/checklist/${first.id}`;
  expect((await request.patch(url, { headers: businessAuth, data: { status: "DONE", answer: "x" } })).status()).toBe(
    403,
  );
  const missing = await request.patch(url, { headers: itAuth, data: { status: "DONE", version: 1 } });
  expect(missing.status()).toBe(422);
  expect((await missing.json()).errors).toEqual([expect.objectContaining({ path: "answer" })]);
  const ok = await request.patch(url, {
    headers: itAuth,
    data: { status: "DONE", answer: "Lambda architecture", version: 1 },
  });
  expect(ok.status()).toBe(200);
  expect((await request.patch(url, { headers: itAuth, data: { status: "TODO", version: 1 } })).status()).toBe(409);

  const early = await request.post(`/api/v1/use-cases/${key}/checklist/sign-off`, { headers: itAuth });
  expect(early.status()).toBe(409);
  expect((await early.json()).errors).toHaveLength(4);
});
