// Factories shared by the demo seed and the tests: they write straight to the database
// through Prisma (tests seed through these, never through the UI).
import { createHash, randomBytes } from "node:crypto";
import type { BenefitArea, Role, Stage, UseCaseStatus } from "@/lib/lifecycle";
import type { RiskTier } from "@/lib/risk-screening";
import { hashPassword } from "@/server/auth/password";
import { ensureTemplate, instantiateChecklist } from "@/server/checklists/templates";
import type { PrismaClient } from "../client";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString("hex")}`;

export function randomPassword(): string {
  return randomBytes(12).toString("base64url");
}

export async function makeUser(
  prisma: PrismaClient,
  options: { role: Role; email?: string; name?: string; password?: string; active?: boolean; team?: string },
) {
  const password = options.password ?? randomPassword();
  const email = (options.email ?? `${options.role.toLowerCase()}-${unique()}@test.roadbook`).toLowerCase();
  const user = await prisma.user.create({
    data: {
      email,
      name: options.name ?? `${options.role} ${unique()}`,
      role: options.role,
      active: options.active ?? true,
      team: options.team ?? null,
      passwordHash: await hashPassword(password),
    },
  });
  return { ...user, password };
}

/** The user as a browser session signed in `minutesAgo` minutes ago (minting an API token needs a recent one). */
export function signedIn<U extends { id: string }>(user: U, minutesAgo = 0) {
  return {
    ...user,
    credential: { kind: "session" as const, authenticatedAt: new Date(Date.now() - minutesAgo * 60_000) },
  };
}

export type UseCaseSeed = {
  ownerId: string;
  sponsorId?: string | null;
  title?: string;
  summary?: string;
  output?: string;
  outcome?: string;
  pocResult?: string;
  benefitArea?: BenefitArea | null;
  ebitda?: { low: string; base: string; high: string; currency?: string } | null;
  stage?: Stage;
  status?: UseCaseStatus;
  stageEnteredAt?: Date;
  createdAt?: Date;
  /** The risk tier; screened MINIMAL by default (the gates need a tier), null: not screened. */
  riskTier?: RiskTier | null;
  /** Stored as given: pass normalised tags. */
  tags?: string[];
};

export async function makeUseCase(prisma: PrismaClient, seed: UseCaseSeed) {
  return prisma.useCase.create({
    data: {
      title: seed.title ?? `Use case ${unique()}`,
      summary: seed.summary ?? "",
      output: seed.output ?? "",
      outcome: seed.outcome ?? "",
      pocResult: seed.pocResult ?? "",
      benefitArea: seed.benefitArea ?? null,
      ebitdaLow: seed.ebitda?.low ?? null,
      ebitdaBase: seed.ebitda?.base ?? null,
      ebitdaHigh: seed.ebitda?.high ?? null,
      currency: seed.ebitda?.currency ?? "EUR",
      stage: seed.stage ?? "POC",
      status: seed.status ?? "ACTIVE",
      ownerId: seed.ownerId,
      sponsorId: seed.sponsorId ?? null,
      ...(seed.stageEnteredAt ? { stageEnteredAt: seed.stageEnteredAt } : {}),
      ...(seed.createdAt ? { createdAt: seed.createdAt } : {}),
      riskTier: seed.riskTier === undefined ? "MINIMAL" : seed.riskTier,
      tags: seed.tags ?? [],
    },
  });
}

/** A use case's copy of a stage's checklist (from the current template), every item in `status` (answered when DONE). */
export async function makeChecklist(
  prisma: PrismaClient,
  options: { useCaseId: string; stage: "PROTOTYPE" | "PACKAGING"; status?: "TODO" | "DONE"; updatedById?: string },
) {
  await ensureTemplate(prisma, options.stage);
  await prisma.$transaction((tx) => instantiateChecklist(tx, options.useCaseId, options.stage));
  if (options.status !== "DONE") return;
  const items = await prisma.checklistItem.findMany({ where: { useCaseId: options.useCaseId, stage: options.stage } });
  for (const item of items) {
    await prisma.checklistItem.update({
      where: { id: item.id },
      data: {
        status: "DONE",
        answer: item.answerType === "NONE" ? null : (item.options[0] ?? "Documented in the handover wiki"),
        updatedById: options.updatedById ?? null,
      },
    });
  }
}

/** Everything gate `gate`'s entry criteria ask for beyond the use case's own fields. */
export async function satisfyGateCriteria(
  prisma: PrismaClient,
  gate: "G1" | "G2" | "G3",
  options: { useCaseId: string; authorId: string; itUserId?: string },
) {
  const { useCaseId, authorId } = options;
  if (gate === "G2") {
    await prisma.checklistItem.deleteMany({ where: { useCaseId, stage: "PROTOTYPE" } });
    await makeChecklist(prisma, { useCaseId, stage: "PROTOTYPE", status: "DONE", updatedById: authorId });
    await prisma.feedback.create({
      data: { useCaseId, authorId, text: "The planners use it every morning.", rating: 4, stage: "PROTOTYPE" },
    });
    await prisma.estimateRevision.create({
      data: {
        useCaseId,
        authorId,
        stage: "PROTOTYPE",
        ebitdaLow: "700000",
        ebitdaBase: "1100000",
        ebitdaHigh: "1600000",
        investment: "400000",
        runCostPerYear: "120000",
        horizonYears: 3,
        currency: "EUR",
        assumptions: "Revised with the pilot's measured uplift.",
      },
    });
  }
  if (gate === "G3") {
    await prisma.checklistItem.deleteMany({ where: { useCaseId, stage: "PACKAGING" } });
    await makeChecklist(prisma, { useCaseId, stage: "PACKAGING", status: "DONE", updatedById: authorId });
    await prisma.checklistSignOff.create({
      data: { useCaseId, stage: "PACKAGING", byId: options.itUserId ?? authorId },
    });
    await prisma.service.create({
      data: {
        useCaseId,
        name: "Scoring API",
        kind: "MODEL_API",
        environment: "PRODUCTION",
        url: "https://models.example.com/score",
      },
    });
  }
}

/** What G1 asks of a use case (an output, an outcome, a benefit area, an EBITDA range, a POC result), filled. */
export const G1_FIELDS = {
  output: "Churn probability per customer, weekly",
  outcome: "Retention team calls the right customers first",
  benefitArea: "REVENUE_GROWTH",
  ebitda: { low: "500000", base: "900000", high: "1400000" },
  pocResult: "AUC 0.81 on last year's churners",
} as const satisfies Partial<UseCaseSeed>;

/**
 * A use case whose next gate's criteria are met: G1's fields filled (screened MINIMAL), and in
 * PROTOTYPE or PACKAGING the evidence G2 or G3 asks for recorded (satisfyGateCriteria, the IT
 * sign-off by `itUserId`). Anything in `seed` overrides the defaults.
 */
export async function makeDecidableUseCase(prisma: PrismaClient, seed: UseCaseSeed & { itUserId?: string }) {
  const { itUserId, ...fields } = seed;
  const row = await makeUseCase(prisma, { ...G1_FIELDS, ebitda: { ...G1_FIELDS.ebitda }, ...fields });
  const stage = seed.stage ?? "POC";
  if (stage === "PROTOTYPE") await satisfyGateCriteria(prisma, "G2", { useCaseId: row.id, authorId: seed.ownerId });
  if (stage === "PACKAGING")
    await satisfyGateCriteria(prisma, "G3", { useCaseId: row.id, authorId: seed.ownerId, itUserId });
  return row;
}

/** An evidence file on a checklist item, stored in PostgreSQL, with its real SHA-256. */
export async function makeAttachment(
  prisma: PrismaClient,
  options: { checklistItemId: string; uploadedById: string; filename?: string; text?: string },
) {
  const item = await prisma.checklistItem.findUniqueOrThrow({ where: { id: options.checklistItemId } });
  const bytes = Buffer.from(options.text ?? "evidence");
  return prisma.attachment.create({
    data: {
      useCaseId: item.useCaseId,
      target: "CHECKLIST_ITEM",
      checklistItemId: item.id,
      filename: options.filename ?? "evidence.txt",
      contentType: "text/plain",
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      uploadedById: options.uploadedById,
      content: { create: { bytes: new Uint8Array(bytes) } },
    },
  });
}
