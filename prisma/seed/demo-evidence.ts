// The demo portfolio's evidence files: a test report (PDF) on the first checklist item of the
// most advanced use case with a checklist, and a data protection note on the credit-limit
// model's high-risk screening answer. Made here, so the demo ships no binary files.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../client";

/** A one-page PDF showing `lines` (offsets computed, so readers open it without repair). */
export function tinyPdf(lines: string[]): Buffer {
  const text = lines.map((line, i) => `BT /F1 12 Tf 72 ${720 - i * 18} Td (${line.replace(/[()\\]/g, "")}) Tj ET`);
  const stream = text.join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

type Seeded = { id: string; title: string };

export async function seedDemoEvidence(
  prisma: PrismaClient,
  useCases: Seeded[],
  people: { IT: string; DATA_SCIENTIST: string },
) {
  const item = await prisma.checklistItem.findFirst({
    where: { useCaseId: { in: useCases.map((u) => u.id) } },
    orderBy: [{ stage: "desc" }, { position: "asc" }],
  });
  const credit = useCases.find((u) => u.title === "Credit limit recommendation");
  const files = [
    item && {
      useCaseId: item.useCaseId,
      target: "CHECKLIST_ITEM" as const,
      checklistItemId: item.id,
      filename: "load-test-report.pdf",
      contentType: "application/pdf",
      uploadedById: people.IT,
      bytes: tinyPdf(["Load test report", "p95 latency 84 ms at 200 requests/s", "No errors over 30 minutes"]),
    },
    credit && {
      useCaseId: credit.id,
      target: "ASSESSMENT_ANSWER" as const,
      questionId: "annexIIIAreas",
      filename: "data-protection-impact-assessment.txt",
      contentType: "text/plain",
      uploadedById: people.DATA_SCIENTIST,
      bytes: Buffer.from(
        "Data protection impact assessment (summary)\n\nCredit limits are an essential private service (Annex III).\nPersonal data: income, balances, payment history. Retention: 24 months.\nA credit officer reviews every limit raise before it applies.\n",
      ),
    },
  ];
  for (const file of files) {
    if (!file) continue;
    const { bytes, ...description } = file;
    await prisma.attachment.create({
      data: {
        ...description,
        size: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        content: { create: { bytes: new Uint8Array(bytes) } },
      },
    });
  }
}
