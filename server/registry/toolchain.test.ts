import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatKey, type Role } from "@/lib/lifecycle";
import { makeUseCase, makeUser, satisfyGateCriteria } from "@/prisma/seed/factories";
import { FakeMlflow } from "@/test-support/fakes/mlflow-server";
import { db } from "../db";
import { DomainError } from "../errors";
import { decideGate } from "../gates/decide-gate";
import { requestGateReview } from "../gates/request-gate-review";
import { dashboardLists } from "../portfolio/dashboard-lists";
import { getModelCard } from "../risk/get-model-card";
import { setRepository } from "./code-repository";
import { checkDeploymentApproval } from "./deployment-approval";
import { createRegistry, deleteRegistry, listRegistries } from "./manage-registries";
import { linkModel, listDriftedModels, listModelLinks, syncUseCaseModels } from "./model-links";

// Registry connections, model links and the deployment-approval check, on a real PostgreSQL
// and over real HTTP to the fake MLflow server (test-support/fakes/mlflow-server.ts) on 127.0.0.1.
const fake = new FakeMlflow();
let registryUrl: string;

beforeAll(async () => {
  registryUrl = await fake.start();
  // 130 versions: model-versions/search is read in pages of 100.
  fake.addModel({
    name: "churn-model",
    versions: Array.from({ length: 130 }, (_, i) => ({ version: String(i + 1), runId: `run${i + 1}abcdef0123` })),
    aliases: { champion: "7", challenger: "8" },
  });
  for (const n of [7, 8, 130]) fake.addRun({ runId: `run${n}abcdef0123`, metrics: { auc: 0.8 + n / 1000 } });
});
afterAll(() => fake.stop());
beforeEach(() => {
  process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
  fake.down = false;
  fake.delayMs = 0;
  fake.requireAuthorization = null;
});

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

const user = (role: Role) => makeUser(db, { role });
let registryCount = 0;
async function connect(admin: { id: string; role: Role }, extra: Record<string, unknown> = {}) {
  return createRegistry(admin, { name: `MLflow ${++registryCount} ${Date.now()}`, baseUrl: registryUrl, ...extra });
}

/** A use case in packaging that meets G3's criteria, with its sponsor and an IT user to decide. */
async function readyForG3(owner: { id: string }) {
  const business = await user("BUSINESS");
  const it_ = await user("IT");
  const row = await makeUseCase(db, {
    ownerId: owner.id,
    sponsorId: business.id,
    stage: "PACKAGING",
    output: "Churn probability",
    outcome: "Keep customers",
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "1", base: "2", high: "3" },
    pocResult: "AUC 0.8",
  });
  await satisfyGateCriteria(db, "G3", { useCaseId: row.id, authorId: owner.id, itUserId: it_.id });
  return { business, it_, row, key: formatKey(row.number) };
}

describe("registry connections", () => {
  it("an admin connects one with its secret sealed at rest; others may not; the answer never shows the secret", async () => {
    const admin = await user("ADMIN");
    const registry = await connect(admin, { auth: "BEARER", secret: "mlflow-token-123" });
    expect(registry).toMatchObject({ auth: "BEARER", hasSecret: true, verifyTls: true });
    expect(JSON.stringify(registry)).not.toContain("mlflow-token-123");
    const row = await db.registryConnection.findUniqueOrThrow({ where: { id: registry.id } });
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain("mlflow-token-123");
    expect(JSON.stringify(await listRegistries(admin))).not.toContain("mlflow-token-123");
    for (const role of ["BUSINESS", "DATA_SCIENTIST", "IT"] as const) {
      const other = await user(role);
      expect((await failure(connect(other))).code).toBe("FORBIDDEN");
      expect((await failure(deleteRegistry(other, registry.id))).code).toBe("FORBIDDEN");
    }
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "registry.create", entityId: registry.id } });
    expect(JSON.stringify(audit.after)).not.toContain("mlflow-token-123");
  });

  it("refuses an address the SSRF policy refuses (private without allowlist, cloud metadata always)", async () => {
    const admin = await user("ADMIN");
    delete process.env.ROADBOOK_PROBE_ALLOW;
    for (const baseUrl of ["http://127.0.0.1:5000", "http://10.1.2.3", "http://169.254.169.254"]) {
      const error = await failure(connect(admin, { baseUrl }));
      expect(error.code).toBe("VALIDATION");
      expect(error.details.errors?.[0]?.path).toBe("baseUrl");
      expect(error.details.errors?.[0]?.message).toMatch(/refused by the address policy/);
    }
    expect((await failure(connect(admin, { auth: "BASIC", secret: "pw" }))).details.errors?.[0]?.path).toBe("username");
  });
});

describe("linked models", () => {
  it("reads versions (all pages), aliases, runs and metrics, and sends the Bearer token", async () => {
    const admin = await user("ADMIN");
    const owner = await user("DATA_SCIENTIST");
    const registry = await connect(admin, { auth: "BEARER", secret: "s3cret" });
    fake.requireAuthorization = "Bearer s3cret";
    const useCase = await makeUseCase(db, { ownerId: owner.id });
    const key = formatKey(useCase.number);
    const before = fake.requests.length;
    const link = await linkModel(owner, key, { registryId: registry.id, modelName: "churn-model" });
    expect(link.syncStatus).toBe("FRESH");
    expect(link.versions).toHaveLength(130);
    expect(link.versions[0]).toMatchObject({ version: "130", runId: "run130abcdef0123", metrics: { auc: 0.93 } });
    expect(link.aliases).toEqual({ champion: "7", challenger: "8" });
    expect(link.versions.find((v) => v.version === "7")?.aliases).toEqual(["champion"]);
    const searches = fake.requests.slice(before).filter((r) => r.url.includes("model-versions/search"));
    expect(searches).toHaveLength(2);
    expect(searches[1]?.url).toContain("page_token=");
    expect(fake.requests.slice(before).every((r) => r.authorization === "Bearer s3cret")).toBe(true);
  });

  it("only the owner, IT or an admin links; a business user or another data scientist may not", async () => {
    const admin = await user("ADMIN");
    const owner = await user("DATA_SCIENTIST");
    const registry = await connect(admin);
    const key = formatKey((await makeUseCase(db, { ownerId: owner.id })).number);
    for (const role of ["BUSINESS", "DATA_SCIENTIST"] as const)
      expect(
        (await failure(linkModel(await user(role), key, { registryId: registry.id, modelName: "churn-model" }))).code,
      ).toBe("FORBIDDEN");
    expect(
      (await linkModel(await user("IT"), key, { registryId: registry.id, modelName: "churn-model" })).syncStatus,
    ).toBe("FRESH");
  });

  it("a registry that is down, slow or now refused leaves the last sync in place, marked stale, with no error", async () => {
    const admin = await user("ADMIN");
    const owner = await user("DATA_SCIENTIST");
    const registry = await connect(admin);
    const key = formatKey((await makeUseCase(db, { ownerId: owner.id })).number);
    const linked = await linkModel(owner, key, { registryId: registry.id, modelName: "churn-model" });

    fake.down = true;
    let [link] = await syncUseCaseModels(owner, key);
    expect(link).toMatchObject({ syncStatus: "STALE", lastSyncedAt: linked.lastSyncedAt });
    expect(link?.syncError).toMatch(/HTTP 503/);
    expect(link?.versions).toHaveLength(130);

    fake.down = false;
    fake.delayMs = 5500;
    [link] = await syncUseCaseModels(owner, key);
    expect(link?.syncStatus).toBe("STALE");
    expect(link?.syncError).toMatch(/no answer within 5 s/);
    fake.delayMs = 0;

    delete process.env.ROADBOOK_PROBE_ALLOW;
    const before = fake.requests.length;
    [link] = await syncUseCaseModels(owner, key);
    expect(link?.syncStatus).toBe("STALE");
    expect(link?.syncError).toMatch(/refused by the address policy/);
    expect(fake.requests.length).toBe(before);

    process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
    [link] = await listModelLinks(owner, key).then(() => syncUseCaseModels(owner, key));
    expect(link?.syncStatus).toBe("FRESH");
  }, 20_000);

  it("an unknown model is linked but says the registry has no such model", async () => {
    const admin = await user("ADMIN");
    const owner = await user("DATA_SCIENTIST");
    const registry = await connect(admin);
    const key = formatKey((await makeUseCase(db, { ownerId: owner.id })).number);
    const link = await linkModel(owner, key, { registryId: registry.id, modelName: "nope" });
    expect(link).toMatchObject({ syncStatus: "NEVER", syncError: "The registry has no model named nope." });
  });
});

describe("gate releases and the deployment approval", () => {
  it("G3 records the model version (run, alias) and commit; the approval allows v7 at that commit, not v8", async () => {
    const admin = await user("ADMIN");
    const owner = await user("DATA_SCIENTIST");
    const { business, it_, row, key } = await readyForG3(owner);
    const registry = await connect(admin);
    await linkModel(owner, key, { registryId: registry.id, modelName: "churn-model" });
    await setRepository(owner, key, { url: "https://git.example.com/team/churn" });

    const bad = await failure(requestGateReview(owner, key, { modelVersion: "999", commit: "a1b2c3d" }));
    expect(bad.details.errors).toEqual([
      { path: "modelVersion", message: "churn-model has no version 999 in the registry." },
    ]);
    expect((await failure(requestGateReview(owner, key, { commit: "not a sha!" }))).details.errors?.[0]?.path).toBe(
      "commit",
    );

    const review = await requestGateReview(owner, key, { note: "Ship v7", modelVersion: "7", commit: "a1b2c3d" });
    expect(await db.gateRelease.findUniqueOrThrow({ where: { gateReviewId: review.id } })).toMatchObject({
      modelName: "churn-model",
      modelVersion: "7",
      runId: "run7abcdef0123",
      aliases: ["champion"],
      commitRef: "a1b2c3d",
    });
    const go = { decision: "GO", rationale: "Ready." };
    await decideGate(it_, review.id, go);
    await decideGate(business, review.id, go);
    expect((await db.useCase.findUniqueOrThrow({ where: { id: row.id } })).stage).toBe("PRODUCTION");

    const reader = await user("BUSINESS");
    const allowed = await checkDeploymentApproval(reader, key, {
      environment: "production",
      modelVersion: "7",
      commit: "A1B2C3D4E5F6",
    });
    expect(allowed).toMatchObject({ allowed: true, reasons: [], gate: "G3", modelVersion: "7", commit: "a1b2c3d" });
    expect(allowed.approvedAt).not.toBeNull();
    const refused = await checkDeploymentApproval(reader, key, { environment: "production", modelVersion: "8" });
    expect(refused).toMatchObject({ allowed: false, gate: null, approvedAt: null });
    expect(refused.reasons).toEqual([`No passing gate of ${key} approved model version 8.`]);
    expect((await checkDeploymentApproval(reader, key, { environment: "production", commit: "ffff000" })).allowed).toBe(
      false,
    );
    const audited = await db.auditEvent.findMany({ where: { action: "deployment.check", useCaseId: row.id } });
    expect(audited).toHaveLength(3);
    expect(audited.map((e) => (e.after as { allowed: boolean }).allowed).sort()).toEqual([false, false, true]);
    const unknownEnvironment = await failure(
      checkDeploymentApproval(reader, key, { environment: "moon", modelVersion: "7" }),
    );
    expect(unknownEnvironment.details.errors?.map((e) => e.path)).toEqual(["environment"]);
    const nothingAsked = await failure(checkDeploymentApproval(reader, key, { environment: "production" }));
    expect(nothingAsked.details.errors?.map((e) => e.path)).toEqual(["modelVersion"]);
  });
});

describe("the model card's approved versions", () => {
  it("lists what each passing gate approved, the latest first; a release put up but paused or undecided is not", async () => {
    const admin = await user("ADMIN");
    const owner = await user("DATA_SCIENTIST");
    const business = await user("BUSINESS");
    const it_ = await user("IT");
    const reader = await user("BUSINESS");
    const registry = await connect(admin);
    const row = await makeUseCase(db, { ownerId: owner.id, sponsorId: business.id, stage: "PROTOTYPE" });
    const key = formatKey(row.number);
    await satisfyGateCriteria(db, "G2", { useCaseId: row.id, authorId: owner.id });
    await linkModel(owner, key, { registryId: registry.id, modelName: "churn-model" });
    expect((await getModelCard(reader, key)).approvedReleases).toEqual([]);

    const go = { decision: "GO", rationale: "Ready." };
    const g2 = await requestGateReview(owner, key, { modelVersion: "6", commit: "b2c3d4e" });
    // Put up for approval, not approved yet.
    expect((await getModelCard(reader, key)).approvedReleases).toEqual([]);
    await decideGate(it_, g2.id, go);
    const inSixtyDays = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await decideGate(business, g2.id, {
      decision: "CONDITIONAL_GO",
      rationale: "Go, with monitoring.",
      conditions: [{ text: "Watch the AUC weekly", ownerId: owner.id, dueOn: inSixtyDays }],
    });
    await satisfyGateCriteria(db, "G3", { useCaseId: row.id, authorId: owner.id, itUserId: it_.id });
    const g3 = await requestGateReview(owner, key, { modelVersion: "7", commit: "a1b2c3d" });
    await decideGate(it_, g3.id, go);
    await decideGate(business, g3.id, go);

    const card = await getModelCard(reader, key);
    expect(card.approvedReleases).toEqual([
      {
        reviewId: g3.id,
        gate: "G3",
        decision: "GO",
        decidedAt: expect.any(String),
        modelName: "churn-model",
        modelVersion: "7",
        runId: "run7abcdef0123",
        aliases: ["champion"],
        commit: "a1b2c3d",
      },
      {
        reviewId: g2.id,
        gate: "G2",
        decision: "CONDITIONAL_GO",
        decidedAt: expect.any(String),
        modelName: "churn-model",
        modelVersion: "6",
        runId: "run6abcdef0123",
        aliases: [],
        commit: "b2c3d4e",
      },
    ]);
    const decided = await db.gateReview.findMany({ where: { id: { in: [g2.id, g3.id] } } });
    for (const release of card.approvedReleases)
      expect(release.decidedAt).toBe(decided.find((r) => r.id === release.reviewId)?.decidedAt?.toISOString());
    // The JSON answer is the DTO as it is: it survives a round trip.
    expect(JSON.parse(JSON.stringify(card)).approvedReleases).toEqual(card.approvedReleases);

    // Another use case: its gate is paused, so the version it put up was never approved.
    const other = await readyForG3(owner);
    await linkModel(owner, other.key, { registryId: registry.id, modelName: "churn-model" });
    const paused = await requestGateReview(owner, other.key, { modelVersion: "8", commit: "ffff000" });
    await decideGate(other.it_, paused.id, { decision: "PAUSE", rationale: "Not yet.", revisitOn: inSixtyDays });
    expect((await db.gateReview.findUniqueOrThrow({ where: { id: paused.id } })).decision).toBe("PAUSE");
    expect((await getModelCard(reader, other.key)).approvedReleases).toEqual([]);
    expect((await getModelCard(reader, key)).approvedReleases.map((r) => r.modelVersion)).toEqual(["7", "6"]);
  });
});

describe("champion drift", () => {
  it("@champion moved to a version no gate approved: warned once (however many syncs), cleared when moved back", async () => {
    const admin = await user("ADMIN");
    const owner = await user("DATA_SCIENTIST");
    const model = `drift-model-${Date.now()}`;
    fake.addModel({
      name: model,
      versions: ["1", "2", "3"].map((version) => ({ version, runId: `drift${version}` })),
      aliases: { champion: "2" },
    });
    const { business, it_, row, key } = await readyForG3(owner);
    const registry = await connect(admin);
    const webhook = await db.webhook.create({
      data: { url: "https://hooks.example.com/x", events: ["registry.drift"], secret: "x", createdById: admin.id },
    });
    // Before any gate approved a version there is nothing to drift from.
    await linkModel(owner, key, { registryId: registry.id, modelName: model });
    fake.setAlias(model, "champion", "3");
    expect((await syncUseCaseModels(owner, key))[0]?.drift).toBeNull();
    fake.setAlias(model, "champion", "2");
    await syncUseCaseModels(owner, key);

    const review = await requestGateReview(owner, key, { modelVersion: "2" });
    const go = { decision: "GO", rationale: "Ready." };
    await decideGate(it_, review.id, go);
    await decideGate(business, review.id, go);
    const driftNotes = () => db.notification.findMany({ where: { kind: "REGISTRY_DRIFT", userId: owner.id } });
    const outbox = () => db.webhookDelivery.count({ where: { webhookId: webhook.id, event: "registry.drift" } });
    expect((await syncUseCaseModels(owner, key))[0]?.drift).toBeNull();

    fake.setAlias(model, "champion", "3");
    const [first] = await syncUseCaseModels(owner, key);
    const [second] = await syncUseCaseModels(owner, key);
    expect(first?.drift?.version).toBe("3");
    expect(second?.drift).toEqual(first?.drift);
    const notes = await driftNotes();
    expect(notes).toHaveLength(1);
    expect(notes[0]?.title).toBe(
      `${model} of ${key}: @champion now points to v3, which no gate approved (approved: v2).`,
    );
    expect(await db.notification.count({ where: { kind: "REGISTRY_DRIFT", userId: it_.id } })).toBe(1);
    expect(await outbox()).toBe(1);
    expect(await listDriftedModels(business, key)).toEqual([
      { modelName: model, version: "3", since: first?.drift?.since },
    ]);
    const lists = await dashboardLists(business, {});
    expect(lists.modelsDrifted.find((m) => m.key === key)).toMatchObject({ model, version: "3" });
    expect(await db.auditEvent.count({ where: { action: "model-link.drift", useCaseId: row.id } })).toBe(1);

    // A registry that goes down meanwhile changes nothing: the warning stays, no new notice.
    fake.down = true;
    expect((await syncUseCaseModels(owner, key))[0]).toMatchObject({ syncStatus: "STALE", drift: first?.drift });
    fake.down = false;

    fake.setAlias(model, "champion", "2");
    expect((await syncUseCaseModels(owner, key))[0]?.drift).toBeNull();
    expect(await listDriftedModels(business, key)).toEqual([]);
    expect((await dashboardLists(business, {})).modelsDrifted.find((m) => m.key === key)).toBeUndefined();
    expect(await db.auditEvent.count({ where: { action: "model-link.drift-cleared", useCaseId: row.id } })).toBe(1);

    // Drifting again is a new drift: told again.
    fake.setAlias(model, "champion", "1");
    expect((await syncUseCaseModels(owner, key))[0]?.drift?.version).toBe("1");
    expect(await driftNotes()).toHaveLength(2);
    expect(await outbox()).toBe(2);
  });
});
