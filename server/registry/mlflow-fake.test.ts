import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeMlflow } from "@/test-support/fakes/mlflow-server";

// The fake MLflow server answers with the very shapes of MLflow's REST API reference: every
// field of the fixtures (test-support/fakes/mlflow-fixtures/, from mlflow/protos/*.proto), with the same
// JSON types, and no field the reference does not have.
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.resolve("test-support/fakes/mlflow-fixtures", `${name}.json`), "utf8")) as unknown;

/** "registered_model.aliases[].version: string" lines: the shape of a JSON value. */
function shape(value: unknown, at = ""): string[] {
  if (Array.isArray(value))
    return value.length ? [...new Set(value.flatMap((item) => shape(item, `${at}[]`)))] : [`${at}: array`];
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, child]) => shape(child, at ? `${at}.${key}` : key));
  return [`${at}: ${value === null ? "null" : typeof value}`];
}
const sorted = (lines: string[]) => [...new Set(lines)].sort();

const fake = new FakeMlflow();
let base: string;
beforeAll(async () => {
  base = `${await fake.start()}/api/2.0/mlflow`;
  fake.addModel({
    name: "churn-model",
    description: "Predicts which customers leave next quarter.",
    versions: [
      { version: "7", runId: "3f2a9c" },
      { version: "8", runId: "8b7c" },
    ],
    aliases: { champion: "7", challenger: "8" },
  });
  fake.addRun({ runId: "3f2a9c", runName: "train-2026-12", metrics: { auc: 0.91 } });
});
afterAll(() => fake.stop());

const get = async (path: string) => {
  const response = await fetch(`${base}/${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("the fake MLflow server against the REST API reference", () => {
  it("registered-models/get has the reference's fields", async () => {
    const { status, body } = await get("registered-models/get?name=churn-model");
    expect(status).toBe(200);
    expect(sorted(shape(body))).toEqual(sorted(shape(fixture("registered-models-get"))));
    expect((body.registered_model as { aliases: unknown }).aliases).toEqual([
      { alias: "champion", version: "7" },
      { alias: "challenger", version: "8" },
    ]);
  });

  it("model-versions/search pages with page_token / next_page_token, newest first", async () => {
    const first = await get("model-versions/search?filter=name%3D%27churn-model%27&max_results=1");
    expect(sorted(shape(first.body))).toEqual(sorted(shape(fixture("model-versions-search"))));
    const token = first.body.next_page_token as string;
    expect((first.body.model_versions as { version: string }[])[0]?.version).toBe("8");
    const second = await get(
      `model-versions/search?filter=name%3D%27churn-model%27&max_results=1&page_token=${encodeURIComponent(token)}`,
    );
    expect((second.body.model_versions as { version: string; aliases: string[] }[])[0]).toMatchObject({
      version: "7",
      aliases: ["champion"],
    });
    expect(second.body).not.toHaveProperty("next_page_token");
  });

  it("runs/get has the reference's fields", async () => {
    const { status, body } = await get("runs/get?run_id=3f2a9c");
    expect(status).toBe(200);
    expect(sorted(shape(body))).toEqual(sorted(shape(fixture("runs-get"))));
  });

  it("an unknown model or run is 404 RESOURCE_DOES_NOT_EXIST, with the reference's error body", async () => {
    for (const path of ["registered-models/get?name=unknown", "runs/get?run_id=nope"]) {
      const { status, body } = await get(path);
      expect(status).toBe(404);
      expect(sorted(shape(body))).toEqual(sorted(shape(fixture("error-resource-does-not-exist"))));
      expect(body.error_code).toBe("RESOURCE_DOES_NOT_EXIST");
    }
  });
});
