// Factories shared by the demo seed and the tests: they write straight to the database
// through Prisma (tests seed through these, never through the UI).
import { randomBytes } from "node:crypto";
import type { BenefitArea, Role, Stage, UseCaseStatus } from "../../lib/lifecycle";
import { hashPassword } from "../../server/auth/password";
import type { PrismaClient } from "../client";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString("hex")}`;

export function randomPassword(): string {
  return randomBytes(12).toString("base64url");
}

export async function makeUser(
  prisma: PrismaClient,
  options: { role: Role; email?: string; name?: string; password?: string; active?: boolean },
) {
  const password = options.password ?? randomPassword();
  const email = (options.email ?? `${options.role.toLowerCase()}-${unique()}@test.roadbook`).toLowerCase();
  const user = await prisma.user.create({
    data: {
      email,
      name: options.name ?? `${options.role} ${unique()}`,
      role: options.role,
      active: options.active ?? true,
      passwordHash: await hashPassword(password),
    },
  });
  return { ...user, password };
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
    },
  });
}
