import { describe, expect, it } from "vitest";
import { baseImageNames, qualify } from "./config";
import { setupActionId, setupCodeFrom } from "./sign-in";

describe("the image test's helpers", () => {
  it("names the base image as buildah resolves the Dockerfile's FROM", () => {
    expect(qualify("node:24.22-bookworm-slim")).toBe("docker.io/library/node:24.22-bookworm-slim");
    expect(qualify("bitnami/node:24")).toBe("docker.io/bitnami/node:24");
    expect(qualify("registry.example.com/node:24")).toBe("registry.example.com/node:24");
    expect(qualify("localhost/node:24")).toBe("localhost/node:24");
    const images = baseImageNames();
    expect(images).toHaveLength(2);
    expect(images[0]).toMatch(/^docker\.io\/library\/node:24\.\d+-bookworm-slim$/);
    expect(images[1]).toBe("docker.io/library/debian:bookworm-slim");
  });

  it("reads the setup code the server prints, and fails when there is none", () => {
    const log = "roadbook: first-run setup: open /setup and enter the setup code ABCD-EFGH-JKLM-NPQR\n";
    expect(setupCodeFrom(log)).toBe("ABCD-EFGH-JKLM-NPQR");
    expect(() => setupCodeFrom("roadbook: applying pending migrations")).toThrow(/no setup code/);
  });

  it("finds the /setup action in a server-reference manifest, by its exported name when given", () => {
    const manifest = {
      node: {
        aaa: { workers: { "app/use-cases/page": {} }, exportedName: "setupAction" },
        bbb: { workers: { "app/setup/page": {} }, exportedName: "somethingElse" },
        ccc: { workers: { "app/setup/page": {} }, exportedName: "setupAction" },
      },
    };
    expect(setupActionId(JSON.stringify(manifest))).toBe("ccc");
    expect(() => setupActionId(JSON.stringify({ node: { aaa: manifest.node.aaa } }))).toThrow(/no server action/);
  });
});
