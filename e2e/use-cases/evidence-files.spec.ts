// Evidence files in the browser: IT attaches a PDF to a checklist item with the keyboard, sees its
// size and SHA-256, and the file downloads as an attachment, byte for byte, with the safety
// headers; the page stays axe-clean.
import { createHash } from "node:crypto";
import { formatKey } from "@/lib/lifecycle";
import { tinyPdf } from "@/prisma/seed/demo-evidence";
import { makeChecklist, makeUseCase, makeUser } from "@/prisma/seed/factories";
import { seriousViolations } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";

test("IT attaches a PDF to a checklist item with the keyboard; it downloads as an attachment with its SHA-256", async ({
  page,
  prisma,
}) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const it = await makeUser(prisma, { role: "IT", name: "Ida Evidence" });
  const row = await makeUseCase(prisma, { ownerId: owner.id, title: `Evidence ${Date.now()}`, stage: "PACKAGING" });
  await makeChecklist(prisma, { useCaseId: row.id, stage: "PACKAGING" });
  const key = formatKey(row.number);
  const pdf = tinyPdf(["Infrastructure decision record", `Use case ${key}`]);
  const sha256 = createHash("sha256").update(pdf).digest("hex");

  await signIn(page, it);
  await page.goto(`/use-cases/${key}#checklist`);
  const item = page.getByRole("listitem", { name: "Infrastructure chosen" });
  await expect(item.getByText("No evidence files yet.")).toBeVisible();

  // Keyboard: from the item's "Update" button, Shift+Tab reaches the file picker; Space opens it.
  await item.getByRole("button", { name: "Update “Infrastructure chosen”" }).focus();
  await page.keyboard.press("Shift+Tab");
  const picker = item.getByLabel("Attach a file to this checklist item");
  await expect(picker).toBeFocused();
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Space");
  await (await chooser).setFiles({ name: "infrastructure.pdf", mimeType: "application/pdf", buffer: pdf });

  const files = item.getByRole("list", { name: "Evidence files for “Infrastructure chosen”" });
  const link = files.getByRole("link", { name: "infrastructure.pdf" });
  await expect(link).toBeVisible();
  await expect(files).toContainText(`${pdf.byteLength} bytes`);
  await expect(files).toContainText(`SHA-256 ${sha256}`);
  await expect(files).toContainText("Ida Evidence");
  expect(await seriousViolations(page)).toEqual([]);

  // The browser saves it (never opens it) with the name it was given, and the bytes are the same.
  const download = page.waitForEvent("download");
  await link.press("Enter");
  const saved = await download;
  expect(saved.suggestedFilename()).toBe("infrastructure.pdf");
  const path = await saved.path();
  const { readFileSync } = await import("node:fs");
  expect(createHash("sha256").update(readFileSync(path)).digest("hex")).toBe(sha256);

  // The answer itself: an attachment, nosniff, a sandbox CSP, the digest, the exact bytes.
  const href = (await link.getAttribute("href")) ?? "";
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["content-disposition"]).toBe(
    "attachment; filename=\"infrastructure.pdf\"; filename*=UTF-8''infrastructure.pdf",
  );
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect(headers["repr-digest"]).toBe(`sha-256=:${Buffer.from(sha256, "hex").toString("base64")}:`);
  expect(Buffer.from(await response.body()).equals(pdf)).toBe(true);

  // Signed out, the same address answers 401, not the file.
  const anonymous = await page.context().browser()?.newContext();
  const refused = await anonymous?.request.get(new URL(href, page.url()).toString());
  expect(refused?.status()).toBe(401);
  await anonymous?.close();

  // The uploader removes it; the list says so.
  page.once("dialog", (dialog) => dialog.accept());
  await files.getByRole("button", { name: "Remove infrastructure.pdf" }).click();
  await expect(item.getByText("No evidence files yet.")).toBeVisible();
  expect(await prisma.attachment.count({ where: { useCaseId: row.id } })).toBe(0);
});
