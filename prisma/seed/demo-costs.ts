// The demo portfolio's costs: the people day rate in the settings, and for every use case in
// production a cost line per month and category since it was created (a build-up of people
// before production, then a smaller run team, cloud and licences), so the value case shows a
// net realised value and a break-even, and the dashboard its cost figures.
import { peopleCost } from "@/lib/net-value";
import { monthsBetween } from "@/lib/value";
import type { PrismaClient } from "../client";

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_DAY_RATE = "750.00";

type Seeded = { id: string; stage: string; createdAt: Date; stageEnteredAt: Date; currency: string };

/** The probe interval the settings would start with (as server/settings/org-settings.ts reads it). */
function probeIntervalFromEnv(): number {
  const fromEnv = Number(process.env.ROADBOOK_PROBE_INTERVAL_MINUTES ?? 5);
  return Number.isInteger(fromEnv) && fromEnv >= 1 && fromEnv <= 1440 ? fromEnv : 5;
}

export async function seedDemoCosts(prisma: PrismaClient, useCases: Seeded[], authorId: string) {
  await prisma.orgSettings.upsert({
    where: { id: 1 },
    create: { id: 1, peopleDayRate: DEMO_DAY_RATE, probeIntervalMinutes: probeIntervalFromEnv() },
    update: { peopleDayRate: DEMO_DAY_RATE },
  });
  const lastFullMonth = new Date(Date.now() - 31 * DAY).toISOString().slice(0, 7);
  for (const [n, u] of useCases.entries()) {
    if (u.stage !== "PRODUCTION") continue;
    const production = u.stageEnteredAt.toISOString().slice(0, 7);
    const rows = monthsBetween(u.createdAt.toISOString().slice(0, 7), lastFullMonth).flatMap((period) => {
      const running = period >= production;
      const fteDays = running ? "8" : `${30 + (n % 3) * 5}`;
      return [
        {
          period,
          category: "PEOPLE" as const,
          fteDays,
          dayRate: DEMO_DAY_RATE,
          amount: peopleCost(fteDays, DEMO_DAY_RATE),
        },
        { period, category: "CLOUD" as const, amount: running ? "3500.00" : "1200.00" },
        ...(running ? [{ period, category: "LICENCES" as const, amount: "900.00" }] : []),
      ];
    });
    await prisma.cost.createMany({
      data: rows.map((row) => ({ ...row, useCaseId: u.id, authorId, note: "" })),
    });
  }
}
