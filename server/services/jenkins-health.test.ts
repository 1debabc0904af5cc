// A Jenkins service reads its job's last build beside the health probe: on a real PostgreSQL,
// over real HTTP to the fake Jenkins (test-support/fakes/jenkins-server.ts), with basic auth
// user:apiToken, the address policy, and no redirect followed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { FakeJenkins } from "@/test-support/fakes/jenkins-server";
import { db } from "../db";
import { DomainError } from "../errors";
import { checkService } from "./check-service";
import { createService, updateService } from "./services";

const fake = new FakeJenkins();
const elsewhere = new FakeJenkins();
beforeAll(async () => {
  await fake.start();
  await elsewhere.start();
});
afterAll(async () => {
  await fake.stop();
  await elsewhere.stop();
});
beforeEach(() => {
  process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
  fake.credentials = "ci-bot:11e0a1b2c3d4";
  fake.redirectTo = null;
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

async function jenkinsService(job: string) {
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const key = formatKey((await makeUseCase(db, { ownerId: owner.id })).number);
  const service = await createService(owner, key, {
    name: "Jenkins",
    kind: "JENKINS",
    environment: "PRODUCTION",
    url: fake.url,
    jenkinsJob: job,
    jenkinsUser: "ci-bot",
    jenkinsToken: "11e0a1b2c3d4",
  });
  return { owner, service };
}

describe("Jenkins build status", () => {
  it("reads the last build with the API token: passing, failing, unknown, as Jenkins' result says", async () => {
    const job = `team/churn-deploy-${Date.now()}`;
    const { owner, service } = await jenkinsService(job);
    expect(service.build).toEqual({
      job,
      user: "ci-bot",
      hasToken: true,
      status: null,
      number: null,
      reason: null,
    });
    const row = await db.service.findUniqueOrThrow({ where: { id: service.id } });
    expect(row.jenkinsToken).toMatch(/^v1\./);
    expect(JSON.stringify(service)).not.toContain("11e0a1b2c3d4");
    const audit = await db.auditEvent.findMany({ where: { entityId: service.id } });
    expect(JSON.stringify(audit)).not.toContain("11e0a1b2c3d4");

    const cases = [
      [{ number: 12, result: "SUCCESS" }, "PASSING", null],
      [{ number: 13, result: "FAILURE" }, "FAILING", "Build #13 failed."],
      [{ number: 14, result: "UNSTABLE" }, "FAILING", "Build #14 is unstable (tests failed)."],
      [{ number: 15, result: "ABORTED" }, "UNKNOWN", "Build #15 was aborted."],
      [{ number: 16, result: null }, "UNKNOWN", "Build #16 is running."],
    ] as const;
    for (const [build, status, reason] of cases) {
      fake.setLastBuild(job, build);
      const checked = await checkService(owner, service.id);
      expect(checked.build).toMatchObject({ status, number: build.number, reason });
    }
    const expected = `Basic ${Buffer.from("ci-bot:11e0a1b2c3d4").toString("base64")}`;
    const reads = fake.requests.filter((r) => r.path.endsWith("/lastBuild/api/json"));
    expect(reads.at(-1)).toEqual({
      path: `/job/team/job/${job.split("/")[1]}/lastBuild/api/json`,
      authorization: expected,
    });
    // The health probe still reports the service itself beside the build.
    expect((await checkService(owner, service.id)).health.status).not.toBe("UNKNOWN");
  });

  it("wrong token, unknown job, a redirect off-host and a refused address are unknown, with the reason", async () => {
    const job = `deploy-${Date.now()}`;
    const { owner, service } = await jenkinsService(job);
    fake.setLastBuild(job, { number: 3, result: "SUCCESS" });
    fake.credentials = "ci-bot:another-token";
    expect((await checkService(owner, service.id)).build).toMatchObject({
      status: "UNKNOWN",
      reason: "Jenkins refused the credentials (HTTP 401): check the user and API token.",
    });
    fake.credentials = null;
    const renamed = await updateService(owner, service.id, { version: service.version, jenkinsJob: "nope" });
    expect(renamed.build).toMatchObject({ job: "nope", status: null, hasToken: true });
    expect((await checkService(owner, service.id)).build?.reason).toBe(
      "Jenkins has no job nope, or it has never been built.",
    );

    elsewhere.setLastBuild("nope", { number: 1, result: "SUCCESS" });
    fake.redirectTo = `${elsewhere.url}/job/nope/lastBuild/api/json`;
    const redirected = await checkService(owner, service.id);
    expect(redirected.build).toMatchObject({ status: "UNKNOWN" });
    expect(redirected.build?.reason).toMatch(/redirects are not followed/);
    // The token never went off to the other host (the health probe may follow its own redirect, bare).
    expect(elsewhere.requests.filter((r) => r.authorization !== undefined)).toEqual([]);

    delete process.env.ROADBOOK_PROBE_ALLOW;
    const before = fake.requests.length;
    expect((await checkService(owner, service.id)).build?.reason).toMatch(/refused by the address policy/);
    expect(fake.requests.length).toBe(before);
  });

  it("only a Jenkins service names a job; a token needs its user", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const key = formatKey((await makeUseCase(db, { ownerId: owner.id })).number);
    const base = { name: "Grafana", environment: "DEV", url: fake.url };
    const wrongKind = await failure(createService(owner, key, { ...base, kind: "GRAFANA", jenkinsJob: "x" }));
    expect(wrongKind.details.errors?.[0]?.path).toBe("jenkinsJob");
    const noUser = await failure(
      createService(owner, key, { ...base, kind: "JENKINS", jenkinsJob: "x", jenkinsToken: "t" }),
    );
    expect(noUser.details.errors?.[0]?.path).toBe("jenkinsUser");
    const plain = await createService(owner, key, { ...base, kind: "JENKINS" });
    expect(plain.build).toBeNull();
  });
});
