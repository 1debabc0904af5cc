import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { SCREENING_V1 } from "@/lib/risk-screening";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";
import { domainFailure } from "@/test-support/domain-failure";

// The template is one shared record that every new screening reads: this file has a database of
// its own (the other risk tests expect version 1), and imports server modules after beforeAll.
const own = withOwnDatabase("risk_template");

const LOW_RISK = {
  prohibitedPractices: ["none"],
  annexIIIAreas: ["none"],
  safetyComponent: false,
  interactsWithPeople: false,
  generatesContent: false,
  personalData: false,
  affectedPeople: "Warehouse planners, about 30 people.",
  humanOversight: "in-the-loop",
};

/** Version 1 plus a question of its own and a rule on it, as the PUT takes it. */
const withScoringRule = (expectedVersion: number, title = "EU AI Act screening, with scoring") => ({
  title,
  questions: [
    ...SCREENING_V1.questions,
    { id: "scoresPeople", type: "yes-no", text: "Does it score people?", required: false },
  ],
  rules: [...SCREENING_V1.rules, { question: "scoresPeople", tier: "HIGH", reason: "It scores people.", equals: true }],
  expectedVersion,
});

async function modules() {
  const templates = await import("./questionnaire-templates");
  const { getAssessment } = await import("./get-assessment");
  const { updateAssessment } = await import("./update-assessment");
  const { submitAssessment } = await import("./submit-assessment");
  return { ...templates, getAssessment, updateAssessment, submitAssessment };
}

async function useCaseOf(ownerId: string, title: string) {
  return formatKey((await makeUseCase(own.db(), { ownerId, title, riskTier: null })).number);
}

describe("risk screening template versions", () => {
  it("gives new screenings the newest version while a screening already started keeps its own", async () => {
    const db = own.db();
    const { getRiskTemplate, updateRiskTemplate, getAssessment, updateAssessment, submitAssessment } = await modules();
    const admin = await makeUser(db, { role: "ADMIN" });
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });

    const first = await getRiskTemplate(owner);
    expect(first).toMatchObject({ version: 1, currentVersion: 1, createdBy: null, title: SCREENING_V1.title });
    const started = await useCaseOf(owner.id, "Started on version 1");
    await updateAssessment(owner, started, { answers: { safetyComponent: false }, version: 0 });

    const saved = await updateRiskTemplate(admin, withScoringRule(1));
    expect(saved).toMatchObject({ version: 2, currentVersion: 2, createdBy: { id: admin.id } });
    expect(saved.questions.at(-1)).toEqual({
      id: "scoresPeople",
      type: "yes-no",
      text: "Does it score people?",
      required: false,
    });

    // A new screening starts on version 2, and its new rule gives the tier on submission.
    const fresh = await useCaseOf(owner.id, "Started on version 2");
    const empty = await getAssessment(owner, fresh);
    expect(empty.templateVersion).toBe(2);
    expect(empty.rules.at(-1)).toMatchObject({ question: "scoresPeople", tier: "HIGH" });
    await updateAssessment(owner, fresh, { answers: { ...LOW_RISK, scoresPeople: true }, version: 0 });
    const submitted = await submitAssessment(owner, fresh, {});
    expect(submitted).toMatchObject({ templateVersion: 2, tier: "HIGH", reasons: ["It scores people."] });

    // The screening started before keeps version 1: its questions, and answers only to them.
    const kept = await getAssessment(owner, started);
    expect(kept.templateVersion).toBe(1);
    expect(kept.questions.map((q) => q.id)).toEqual(SCREENING_V1.questions.map((q) => q.id));
    const unknown = await domainFailure(
      updateAssessment(owner, started, { answers: { ...LOW_RISK, scoresPeople: true }, version: 1 }),
    );
    expect(unknown.code).toBe("VALIDATION");
    await updateAssessment(owner, started, { answers: LOW_RISK, version: 1 });
    expect(await submitAssessment(owner, started, {})).toMatchObject({ templateVersion: 1, tier: "MINIMAL" });

    // Both versions stay readable.
    expect((await getRiskTemplate(owner, "1")).questions).toEqual(SCREENING_V1.questions);
    expect(await getRiskTemplate(owner, "2")).toMatchObject({ version: 2, currentVersion: 2 });
    expect((await domainFailure(getRiskTemplate(owner, "3"))).code).toBe("NOT_FOUND");
    expect((await domainFailure(getRiskTemplate(owner, "two"))).details.errors).toEqual([
      { path: "version", message: "The version is a whole number from 1." },
    ]);
  });

  it("refuses a stale expectedVersion with the template as it is, and lets one of several parallel saves win", async () => {
    const db = own.db();
    const { getRiskTemplate, updateRiskTemplate } = await modules();
    const admins = await Promise.all([1, 2, 3, 4].map(() => makeUser(db, { role: "ADMIN" })));
    const [admin] = admins;
    if (!admin) throw new Error("no admin");
    const { currentVersion } = await getRiskTemplate(admin);

    const results = await Promise.allSettled(
      admins.map((a, i) => updateRiskTemplate(a, withScoringRule(currentVersion, `Parallel save ${i}`))),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const result of results.filter((r) => r.status === "rejected"))
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const now = await getRiskTemplate(admin);
    expect(now.currentVersion).toBe(currentVersion + 1);
    expect(now.title).toBe((won[0] as PromiseFulfilledResult<{ title: string }>).value.title);
    expect(await db.riskQuestionnaireTemplate.count({ where: { version: { gt: currentVersion } } })).toBe(1);

    // The same expectedVersion again: stale, and the 409 carries the current template.
    const stale = await domainFailure(updateRiskTemplate(admin, withScoringRule(currentVersion, "Too late")));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details.current).toMatchObject({ version: currentVersion + 1, title: now.title });
    // One audit event per saved version, with the whole questionnaire before and after.
    const events = await db.auditEvent.findMany({
      where: { action: "risk-template.update", entityId: String(currentVersion + 1) },
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({ version: currentVersion + 1, title: now.title });
  });

  it("is changed by an admin only, and never half: an invalid template writes nothing", async () => {
    const db = own.db();
    const { getRiskTemplate, updateRiskTemplate } = await modules();
    const admin = await makeUser(db, { role: "ADMIN" });
    const { currentVersion } = await getRiskTemplate(admin);
    for (const role of ["BUSINESS", "DATA_SCIENTIST", "IT", "RISK"] as const) {
      const user = await makeUser(db, { role });
      expect((await domainFailure(updateRiskTemplate(user, withScoringRule(currentVersion)))).code).toBe("FORBIDDEN");
    }
    const broken = withScoringRule(currentVersion);
    broken.rules.push({ question: "scoresPeople", tier: "HIGH", reason: "Wrong type", equals: "yes" } as never);
    const invalid = await domainFailure(updateRiskTemplate(admin, broken));
    expect(invalid.code).toBe("VALIDATION");
    expect(invalid.details.errors).toEqual([
      {
        path: `rules.${broken.rules.length - 1}.equals`,
        message: "A yes/no question equals true (yes) or false (no).",
      },
    ]);
    expect((await getRiskTemplate(admin)).currentVersion).toBe(currentVersion);
  });
});
