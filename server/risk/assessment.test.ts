import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { domainFailure } from "@/test-support/domain-failure";
import { db } from "../db";
import type { DomainError } from "../errors";
import { exportText, exportUseCasesCsv } from "../use-cases/export-csv";
import { getUseCase } from "../use-cases/get-use-case";
import { listUseCases } from "../use-cases/list-use-cases";
import { getAssessment } from "./get-assessment";
import { reviewAssessment } from "./review-assessment";
import { submitAssessment } from "./submit-assessment";
import { updateAssessment } from "./update-assessment";

const failure = domainFailure;

const CREDIT_SCORING = {
  prohibitedPractices: ["none"],
  annexIIIAreas: ["essential-services"],
  safetyComponent: false,
  interactsWithPeople: false,
  generatesContent: false,
  personalData: true,
  affectedPeople: "Retail customers applying for a loan, about 40,000 a year.",
  humanOversight: "in-the-loop",
};
const CHATBOT = { ...CREDIT_SCORING, annexIIIAreas: ["none"], interactsWithPeople: true };

async function setup() {
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const sponsor = await makeUser(db, { role: "BUSINESS" });
  const risk = await makeUser(db, { role: "RISK" });
  const row = await makeUseCase(db, {
    ownerId: owner.id,
    sponsorId: sponsor.id,
    title: "Credit scoring",
    riskTier: null,
  });
  return { owner, sponsor, risk, row, key: formatKey(row.number) };
}

async function submitted(answers: Record<string, unknown> = CREDIT_SCORING) {
  const world = await setup();
  await updateAssessment(world.owner, world.key, { answers, version: 0 });
  const dto = await submitAssessment(world.owner, world.key, {});
  return { ...world, dto };
}

describe("the risk screening", () => {
  it("starts as an empty draft of the current template, previewing the tier of the answers as they are saved", async () => {
    const { owner, key } = await setup();
    const empty = await getAssessment(owner, key);
    expect(empty).toMatchObject({
      templateVersion: 1,
      status: "DRAFT",
      version: 0,
      tier: "MINIMAL",
      useCaseTier: null,
    });
    expect(empty.unanswered).toContain("annexIIIAreas");

    const saved = await updateAssessment(owner, key, {
      answers: { annexIIIAreas: ["essential-services"] },
      version: 0,
    });
    expect(saved).toMatchObject({ status: "DRAFT", version: 1, tier: "HIGH", reasons: ["Used in an Annex III area."] });
    expect((await db.useCase.findFirstOrThrow({ where: { number: Number(key.slice(3)) } })).riskTier).toBeNull();
  });

  it("refuses a stale version, keeping the other save", async () => {
    const { owner, sponsor, key } = await setup();
    await updateAssessment(owner, key, { answers: { safetyComponent: true }, version: 0 });
    const error = await failure(updateAssessment(sponsor, key, { answers: { safetyComponent: false }, version: 0 }));
    expect(error.code).toBe("CONFLICT");
    expect((await getAssessment(owner, key)).answers).toEqual({ safetyComponent: true });
  });

  it("is answered by the owner or sponsor only, and refuses answers the template does not know", async () => {
    const { key } = await setup();
    const stranger = await makeUser(db, { role: "DATA_SCIENTIST" });
    const risk = await makeUser(db, { role: "RISK" });
    expect((await failure(updateAssessment(stranger, key, { answers: {}, version: 0 }))).code).toBe("FORBIDDEN");
    expect((await failure(updateAssessment(risk, key, { answers: {}, version: 0 }))).code).toBe("FORBIDDEN");
    const admin = await makeUser(db, { role: "ADMIN" });
    const bad = await failure(updateAssessment(admin, key, { answers: { humanOversight: "robots" }, version: 0 }));
    expect(bad.code).toBe("VALIDATION");
    expect(bad.details.errors?.[0]?.path).toBe("answers.humanOversight");
  });

  it("is submitted only with every required question answered, and then gives the use case its tier", async () => {
    const { owner, key, row } = await setup();
    await updateAssessment(owner, key, { answers: { annexIIIAreas: ["essential-services"] }, version: 0 });
    const missing = await failure(submitAssessment(owner, key, {}));
    expect(missing.code).toBe("VALIDATION");
    expect(missing.details.errors?.map((e) => e.path)).toContain("answers.affectedPeople");

    await updateAssessment(owner, key, { answers: CREDIT_SCORING, version: 1 });
    const dto = await submitAssessment(owner, key, {});
    expect(dto).toMatchObject({ status: "SUBMITTED", tier: "HIGH", useCaseTier: "HIGH" });
    expect((await db.useCase.findUniqueOrThrow({ where: { id: row.id } })).riskTier).toBe("HIGH");
    // Waiting for review: no change of answers.
    expect((await failure(updateAssessment(owner, key, { answers: CHATBOT, version: dto.version }))).code).toBe(
      "CONFLICT",
    );
  });

  it("is reviewed by RISK only, never by the use case's owner or sponsor", async () => {
    const { owner, sponsor, key } = await submitted();
    const approve = { decision: "APPROVE", rationale: "Annex III 5(b): credit scoring." };
    const business = await makeUser(db, { role: "BUSINESS" });
    const admin = await makeUser(db, { role: "ADMIN" });
    for (const who of [owner, sponsor, business, admin])
      expect((await failure(reviewAssessment(who, key, approve))).code).toBe("FORBIDDEN");

    // A risk officer who sponsors the use case may not review it either.
    const riskSponsor = await makeUser(db, { role: "RISK" });
    await db.useCase.update({ where: { number: Number(key.slice(3)) }, data: { sponsorId: riskSponsor.id } });
    expect((await failure(reviewAssessment(riskSponsor, key, approve))).code).toBe("FORBIDDEN");
    expect((await getAssessment(owner, key)).status).toBe("SUBMITTED");
  });

  it("needs a rationale, and approving locks the tier", async () => {
    const { owner, risk, key } = await submitted();
    const noRationale = await failure(reviewAssessment(risk, key, { decision: "APPROVE", rationale: " " }));
    expect(noRationale.details.errors?.[0]?.path).toBe("rationale");
    const approved = await reviewAssessment(risk, key, { decision: "APPROVE", rationale: "Credit scoring: high." });
    expect(approved).toMatchObject({ status: "APPROVED", tier: "HIGH" });
    expect(approved.history.map((e) => [e.action, e.actor?.id])).toEqual([
      ["SUBMITTED", owner.id],
      ["APPROVED", risk.id],
    ]);
    expect((await failure(reviewAssessment(risk, key, { decision: "APPROVE", rationale: "Again." }))).code).toBe(
      "CONFLICT",
    );
  });

  it("goes back to the owner when changes are requested, and can be submitted again", async () => {
    const { owner, risk, key, dto } = await submitted();
    const back = await reviewAssessment(risk, key, {
      decision: "REQUEST_CHANGES",
      rationale: "Say who oversees the declines.",
    });
    expect(back.status).toBe("CHANGES_REQUESTED");
    const edited = await updateAssessment(owner, key, {
      answers: { ...CREDIT_SCORING, humanOversight: "on-the-loop" },
      version: back.version,
    });
    expect(edited.status).toBe("DRAFT");
    expect(edited.revision).toBe(dto.revision);
    expect((await submitAssessment(owner, key, {})).status).toBe("SUBMITTED");
  });

  it("starts a new revision when answers change after approval, keeping the history", async () => {
    const { owner, risk, key, row } = await submitted(CHATBOT);
    const approved = await reviewAssessment(risk, key, { decision: "APPROVE", rationale: "A chatbot: limited." });
    expect(approved.tier).toBe("LIMITED");
    const revised = await updateAssessment(owner, key, { answers: CREDIT_SCORING, version: approved.version });
    expect(revised).toMatchObject({ status: "DRAFT", revision: 2, tier: "HIGH" });
    // Until the new revision is submitted, the use case keeps the approved tier.
    expect((await db.useCase.findUniqueOrThrow({ where: { id: row.id } })).riskTier).toBe("LIMITED");
    const resubmitted = await submitAssessment(owner, key, {});
    expect(resubmitted).toMatchObject({ status: "SUBMITTED", revision: 2, useCaseTier: "HIGH" });
    expect(resubmitted.history.map((e) => `${e.revision}:${e.action}:${e.tier}`)).toEqual([
      "1:SUBMITTED:LIMITED",
      "1:APPROVED:LIMITED",
      "2:REVISED:LIMITED",
      "2:SUBMITTED:HIGH",
    ]);
  });

  it("records one decision when two risk officers review at once (the other is told it is reviewed)", async () => {
    const { key } = await submitted();
    const a = await makeUser(db, { role: "RISK" });
    const b = await makeUser(db, { role: "RISK" });
    const results = await Promise.allSettled([
      reviewAssessment(a, key, { decision: "APPROVE", rationale: "Fine." }),
      reviewAssessment(b, key, { decision: "REQUEST_CHANGES", rationale: "Not yet." }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as DomainError).code).toBe("CONFLICT");
    const dto = await getAssessment(a, key);
    expect(dto.history.filter((e) => e.action !== "SUBMITTED")).toHaveLength(1);
  });

  it("gives the use case its tier in the DTO, and the list and the CSV filter by it", async () => {
    const high = await submitted();
    const title = `Tiered ${Date.now()}`;
    await db.useCase.update({ where: { id: high.row.id }, data: { title } });
    const chatbot = await submitted(CHATBOT);
    await db.useCase.update({ where: { id: chatbot.row.id }, data: { title } });
    expect((await getUseCase(high.owner, high.key)).riskTier).toBe("HIGH");

    const list = await listUseCases(high.owner, { q: title, riskTier: "HIGH" });
    expect(list.items.map((u) => [u.key, u.riskTier])).toEqual([[high.key, "HIGH"]]);
    expect((await listUseCases(high.owner, { q: title, riskTier: "LIMITED" })).items.map((u) => u.key)).toEqual([
      chatbot.key,
    ]);
    const csv = await exportText(await exportUseCasesCsv(high.owner, { q: title, riskTier: "HIGH" }));
    expect(csv).toContain(high.key);
    expect(csv).not.toContain(chatbot.key);
    expect(csv.split(/\r?\n/)[0]?.split(",")).toContain("riskTier");
  });
});
