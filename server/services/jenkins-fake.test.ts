import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeJenkins } from "@/test-support/fakes/jenkins-server";

// The fake Jenkins answers /job/<name>/lastBuild/api/json with exactly the fields and types of
// the fixtures (test-support/fakes/jenkins-fixtures/, from Jenkins' Remote Access API).
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.resolve("test-support/fakes/jenkins-fixtures", `${name}.json`), "utf8")) as Record<
    string,
    unknown
  >;
const shape = (value: Record<string, unknown>) =>
  Object.entries(value)
    .map(([key, v]) => `${key}: ${v === null ? "null" : typeof v}`)
    .sort();

const fake = new FakeJenkins();
beforeAll(async () => {
  await fake.start();
  fake.setLastBuild("churn-deploy", { number: 12, result: "SUCCESS" });
  fake.setLastBuild("team/churn-deploy", { number: 13, result: null });
  fake.setLastBuild("never-built", null);
});
afterAll(() => fake.stop());

describe("the fake Jenkins", () => {
  it("answers a finished build and a running one (in a folder) as the fixtures", async () => {
    const done = (await (await fetch(`${fake.url}/job/churn-deploy/lastBuild/api/json`)).json()) as Record<
      string,
      unknown
    >;
    expect(shape(done)).toEqual(shape(fixture("last-build-success")));
    expect(done).toMatchObject({ number: 12, result: "SUCCESS", building: false, id: "12", displayName: "#12" });
    const running = (await (await fetch(`${fake.url}/job/team/job/churn-deploy/lastBuild/api/json`)).json()) as Record<
      string,
      unknown
    >;
    expect(shape(running)).toEqual(shape(fixture("last-build-building")));
    expect(running).toMatchObject({ building: true, result: null, fullDisplayName: "team » churn-deploy #13" });
  });

  it("404 for an unknown job or one never built; 401 without the basic credentials; a redirect when told", async () => {
    expect((await fetch(`${fake.url}/job/nope/lastBuild/api/json`)).status).toBe(404);
    expect((await fetch(`${fake.url}/job/never-built/lastBuild/api/json`)).status).toBe(404);
    fake.credentials = "ci:11abcdef";
    const refused = await fetch(`${fake.url}/job/churn-deploy/lastBuild/api/json`);
    expect([refused.status, refused.headers.get("www-authenticate")]).toEqual([401, 'Basic realm="Jenkins"']);
    const allowed = await fetch(`${fake.url}/job/churn-deploy/lastBuild/api/json`, {
      headers: { authorization: `Basic ${Buffer.from("ci:11abcdef").toString("base64")}` },
    });
    expect(allowed.status).toBe(200);
    fake.credentials = null;
    fake.redirectTo = "http://elsewhere.example/";
    const moved = await fetch(`${fake.url}/job/churn-deploy/lastBuild/api/json`, { redirect: "manual" });
    expect([moved.status, moved.headers.get("location")]).toEqual([302, "http://elsewhere.example/"]);
    fake.redirectTo = null;
  });
});
