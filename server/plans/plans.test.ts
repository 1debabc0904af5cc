// Plans against a database of its own: the history and versions of a plan, who may set one, and
// the summary's plan figures (computed in SQL) against the truth computed here, in plain code.
import { beforeAll, describe, expect, it } from "vitest";
import { formatKey, type Stage } from "@/lib/lifecycle";
import { dayOf, daysLate, isDue, onTime, PLANNED_STAGES, quarterOf } from "@/lib/plan";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";
import type { DomainError } from "../errors";

const own = withOwnDatabase("plans");
let plans: { get: typeof import("./get-plan").getPlan; set: typeof import("./set-plan").setPlan };
let summary: typeof import("../portfolio/portfolio-summary").portfolioSummary;

beforeAll(async () => {
  plans = { get: (await import("./get-plan")).getPlan, set: (await import("./set-plan")).setPlan };
  summary = (await import("../portfolio/portfolio-summary")).portfolioSummary;
});

const DAY = 86_400_000;
const STAGES: Stage[] = ["POC", "PROTOTYPE", "PACKAGING", "PRODUCTION"];
const today = () => dayOf(new Date());
const shift = (days: number) => dayOf(Date.parse(`${today()}T00:00:00Z`) + days * DAY);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error) => error as DomainError,
  );

describe("a use case's plan", () => {
  it("keeps every save with who, when, old and new; a stale version changes nothing", async () => {
    const db = own.db();
    const owner = await makeUser(db, { role: "DATA_SCIENTIST", name: "Olga Owner" });
    const business = await makeUser(db, { role: "BUSINESS", name: "Bea Business" });
    const row = await makeUseCase(db, { ownerId: owner.id });
    const key = formatKey(row.number);

    const empty = await plans.get(business, key);
    expect(empty).toMatchObject({ version: 0, targets: { prototype: null, packaging: null, production: null } });
    expect(empty.history).toEqual([]);

    const first = await plans.set(owner, key, { version: 0, prototype: "2026-12-31", production: "2027-06-30" });
    expect(first.version).toBe(1);
    const second = await plans.set(business, key, {
      version: 1,
      prototype: "2026-12-31",
      packaging: "2027-01-01",
      production: "2027-09-30",
    });
    expect(second.version).toBe(2);
    expect(second.targets).toEqual({ prototype: "2026-12-31", packaging: "2027-01-01", production: "2027-09-30" });
    expect(second.history.map((h) => ({ author: h.author.name, changes: h.changes }))).toEqual([
      {
        author: "Bea Business",
        changes: [
          { field: "packaging", from: null, to: "2027-01-01" },
          { field: "production", from: "2027-06-30", to: "2027-09-30" },
        ],
      },
      {
        author: "Olga Owner",
        changes: [
          { field: "prototype", from: null, to: "2026-12-31" },
          { field: "production", from: null, to: "2027-06-30" },
        ],
      },
    ]);

    // The owner still holds version 1: refused with the current plan, nothing written.
    const stale = await failure(plans.set(owner, key, { version: 1, production: "2028-01-01" }));
    expect(stale.code).toBe("CONFLICT");
    expect((stale.details.current as { version: number }).version).toBe(2);
    // Out of order: the field at fault is named, nothing written.
    const order = await failure(
      plans.set(owner, key, { version: 2, prototype: "2027-03-01", packaging: "2027-02-01" }),
    );
    expect(order.code).toBe("VALIDATION");
    expect(order.details.errors?.map((e) => e.path)).toEqual(["packaging"]);

    expect(await db.planRevision.count({ where: { useCaseId: row.id } })).toBe(2);
    const events = await db.auditEvent.findMany({
      where: { action: "plan.update", useCaseId: row.id },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.actorId)).toEqual([owner.id, business.id]);
    expect(events[1]?.before).toEqual({ prototype: "2026-12-31", packaging: null, production: "2027-06-30" });
    expect((await plans.get(owner, key)).version).toBe(2);
  });

  it("is set by the owner or sponsor, BUSINESS or ADMIN; others are refused and write nothing", async () => {
    const db = own.db();
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const sponsor = await makeUser(db, { role: "DATA_SCIENTIST" });
    const row = await makeUseCase(db, { ownerId: owner.id, sponsorId: sponsor.id });
    const key = formatKey(row.number);
    let version = 0;
    for (const role of ["ADMIN", "BUSINESS"] as const) {
      const actor = await makeUser(db, { role });
      version = (await plans.set(actor, key, { version, production: "2027-03-31" })).version;
    }
    version = (await plans.set(sponsor, key, { version, production: "2027-04-30" })).version;
    expect(version).toBe(3);
    for (const role of ["IT", "RISK", "DATA_SCIENTIST"] as const) {
      const actor = await makeUser(db, { role });
      const refusal = await failure(plans.set(actor, key, { version, production: "2030-01-01" }));
      expect(refusal.code, role).toBe("FORBIDDEN");
      expect((await plans.get(actor, key)).targets.production, "anyone reads it").toBe("2027-04-30");
    }
    expect(await db.planRevision.count({ where: { useCaseId: row.id } })).toBe(3);
  });
});

type Seed = {
  stage: Stage;
  status?: "ACTIVE" | "PAUSED" | "STOPPED";
  base?: number;
  currency?: string;
  /** Days from today the use case entered each later stage (in order), negative: in the past. */
  entered: number[];
  /** Days from today of each target (PROTOTYPE, PACKAGING, PRODUCTION), null: none. */
  targets: (number | null)[];
};

describe("the summary's plan figures", () => {
  it("match the truth computed in code: on-time rate per gate, average slippage, production this quarter", async () => {
    const db = own.db();
    const owner = await makeUser(db, { role: "DATA_SCIENTIST", team: "Plans" });
    const quarter = quarterOf(today());
    const intoQuarter = (Date.parse(quarter.last) - Date.parse(today())) / DAY; // the quarter's last day, from today
    const seeds: Seed[] = [
      { stage: "POC", entered: [], targets: [-10, 20, 60] }, // prototype slipping 10 days
      { stage: "POC", entered: [], targets: [5, 30, intoQuarter] }, // nothing due; production this quarter
      { stage: "PROTOTYPE", entered: [-40], targets: [-45, -5, 0] }, // G1 5 late, packaging slipping 5; production today
      { stage: "PROTOTYPE", entered: [-40], targets: [-30, null, null] }, // G1 early: on time
      { stage: "PACKAGING", entered: [-100, -50], targets: [-100, -60, 10], base: 250_000.5 }, // on time, 10 late
      { stage: "PRODUCTION", entered: [-200, -150, -20], targets: [-210, -150, -30], base: 1_000_000 }, // 10, 0, 10
      { stage: "PRODUCTION", entered: [-300, -200, -100], targets: [null, null, -365] }, // 265 days late
      { stage: "PACKAGING", entered: [-20, -10], targets: [-30, -30, 1], currency: "USD", base: 9_000 }, // other currency
      { stage: "POC", status: "STOPPED", entered: [], targets: [-100, -50, 0], base: 5_000 }, // stopped: left out
      { stage: "POC", status: "PAUSED", entered: [], targets: [-3, null, -2], base: 7_000 }, // paused still counts
    ];
    const DAYS_TODAY = Date.parse(`${today()}T12:00:00Z`);
    const truth: { stage: (typeof PLANNED_STAGES)[number]; target: string; entered: string | null }[] = [];
    let quarterCount = 0;
    let quarterCents = 0n;
    for (const seed of seeds) {
      const row = await makeUseCase(db, {
        ownerId: owner.id,
        stage: seed.stage,
        status: seed.status ?? "ACTIVE",
        ebitda: seed.base
          ? {
              low: "1.00",
              base: seed.base.toFixed(2),
              high: (seed.base * 2).toFixed(2),
              currency: seed.currency ?? "EUR",
            }
          : null,
        createdAt: new Date(DAYS_TODAY - 400 * DAY),
        stageEnteredAt: new Date(DAYS_TODAY + (seed.entered.at(-1) ?? -400) * DAY),
      });
      for (const [i, days] of seed.entered.entries())
        await db.gateReview.create({
          data: {
            useCaseId: row.id,
            fromStage: STAGES[i] as Stage,
            toStage: STAGES[i + 1] as Stage,
            status: "DECIDED",
            decision: i === 1 ? "CONDITIONAL_GO" : "GO",
            requestedById: owner.id,
            requestedAt: new Date(DAYS_TODAY + (days - 3) * DAY),
            decidedAt: new Date(DAYS_TODAY + days * DAY),
          },
        });
      const targets = seed.targets.map((days) => (days === null ? null : shift(days)));
      await db.useCasePlan.create({
        data: {
          useCaseId: row.id,
          prototypeOn: targets[0] ? new Date(targets[0]) : null,
          packagingOn: targets[1] ? new Date(targets[1]) : null,
          productionOn: targets[2] ? new Date(targets[2]) : null,
        },
      });
      if (seed.status === "STOPPED") continue;
      for (const [i, stage] of PLANNED_STAGES.entries()) {
        const target = targets[i];
        const entered = seed.entered[i];
        if (target) truth.push({ stage, target, entered: entered === undefined ? null : shift(entered) });
      }
      const production = targets[2];
      if (production && production >= quarter.first && production <= quarter.last) {
        quarterCount += 1;
        if ((seed.currency ?? "EUR") === "EUR" && seed.base) quarterCents += BigInt(Math.round(seed.base * 100));
      }
    }

    const round = (value: number) => Math.round(value * 10) / 10;
    const due = truth.filter((t) => isDue(t.target, t.entered, today()));
    const lateOf = (t: (typeof truth)[number]) => daysLate(t.target, t.entered, today()) ?? 0;
    const expected = {
      onTime: PLANNED_STAGES.map((stage) => {
        const here = due.filter((t) => t.stage === stage);
        const good = here.filter((t) => onTime(t.target, t.entered)).length;
        return {
          stage,
          due: here.length,
          onTime: good,
          rate: here.length ? round((good / here.length) * 100) : null,
          averageDaysLate: here.length ? round(here.reduce((s, t) => s + lateOf(t), 0) / here.length) : null,
        };
      }),
      averageSlippageDays: round(due.reduce((s, t) => s + lateOf(t), 0) / due.length),
      productionThisQuarter: {
        from: quarter.first,
        to: quarter.last,
        count: quarterCount,
        ebitdaBase: `${quarterCents / 100n}.${(quarterCents % 100n).toString().padStart(2, "0")}`,
      },
    };
    // The seed does give every kind of case.
    expect(due.length).toBeGreaterThan(8);
    expect(expected.averageSlippageDays).toBeGreaterThan(0);
    expect(quarterCount).toBeGreaterThanOrEqual(2);

    const admin = await makeUser(db, { role: "ADMIN" });
    const { plan } = await summary(admin, { team: "Plans" });
    expect({
      onTime: plan.onTime.map(({ gate: _gate, ...rest }) => rest),
      averageSlippageDays: plan.averageSlippageDays,
      productionThisQuarter: plan.productionThisQuarter,
    }).toEqual(expected);
    expect(plan.onTime.map((g) => g.gate)).toEqual(["G1", "G2", "G3"]);

    // And a use case's own view agrees on the days late.
    const slipped = await db.useCase.findFirstOrThrow({
      where: { ownerId: owner.id, stage: "PRODUCTION" },
      orderBy: { number: "desc" },
    });
    const view = await plans.get(admin, formatKey(slipped.number));
    expect(view.stages.find((s) => s.stage === "PRODUCTION")?.daysLate).toBe(265);
  });
});
