import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { UseCaseCreateSchema } from "@/lib/validation/use-case";
import { buildOpenApiDocument, openApiDocument } from "./document";
import { HTTP_METHODS } from "./endpoint";
import { ENDPOINTS, PENDING_ENDPOINTS } from "./paths";

const root = fileURLToPath(new URL("../..", import.meta.url));
const document = openApiDocument();
const key = (method: string, route: string) => `${method.toUpperCase()} ${route}`;

/** Route handlers documented elsewhere, not in the OpenAPI document. */
const EXCLUDED = [
  { prefix: "/api/auth/", why: "next-auth's own sign-in endpoints" },
  { prefix: "/api/metrics", why: "Prometheus scrape endpoint, documented in docs/operations.md" },
  { prefix: "/api/{path}", why: "the catch-all that answers unknown API paths with a problem+json 404" },
];

/** (method, path) of every route handler under app/api, with `[param]` as `{param}` and route groups dropped. */
function routesOnDisk(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const segments = path
          .relative(path.join(root, "app"), dir)
          .split(path.sep)
          .filter((segment) => !/^\(.*\)$/.test(segment))
          .map((segment) => segment.replace(/^\[(?:\.\.\.)?(\w+)\]$/, "{$1}"));
        const route = `/${segments.join("/")}`;
        const source = readFileSync(full, "utf8");
        const methods = [
          ...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g),
          ...source.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g),
        ].map((match) => match[1] as string);
        for (const method of new Set(methods)) found.push(key(method, route));
      }
    }
  };
  walk(path.join(root, "app", "api"));
  return found.sort();
}

function documented(): string[] {
  return Object.entries(document.paths)
    .flatMap(([route, item]) =>
      Object.keys(item)
        .filter((method) => (HTTP_METHODS as readonly string[]).includes(method.toUpperCase()))
        .map((method) => key(method, route)),
    )
    .sort();
}

const pending = PENDING_ENDPOINTS.map((endpoint) => key(endpoint.method, endpoint.path));

// Mirrors docs/api-v1.md (the public contract): every endpoint it names, queries left out.
const CONTRACT = [
  "GET /api/v1/use-cases",
  "POST /api/v1/use-cases",
  "PATCH /api/v1/use-cases",
  "GET /api/v1/use-cases/tags",
  "GET /api/v1/use-cases/{key}",
  "PATCH /api/v1/use-cases/{key}",
  "GET /api/v1/use-cases/{key}/gates",
  "POST /api/v1/use-cases/{key}/gates",
  "POST /api/v1/gates/{id}/decisions",
  "GET /api/v1/use-cases/{key}/checklist",
  "PATCH /api/v1/use-cases/{key}/checklist/{itemId}",
  "GET /api/v1/use-cases/{key}/estimates",
  "POST /api/v1/use-cases/{key}/estimates",
  "POST /api/v1/use-cases/{key}/checklist/sign-off",
  "GET /api/v1/use-cases/{key}/feedback",
  "POST /api/v1/use-cases/{key}/feedback",
  "GET /api/v1/use-cases/{key}/actuals",
  "POST /api/v1/use-cases/{key}/actuals",
  "GET /api/v1/use-cases/{key}/services",
  "POST /api/v1/use-cases/{key}/services",
  "POST /api/v1/services/{id}/check",
  "POST /api/v1/use-cases/{key}/services/import",
  "POST /api/v1/tokens",
  "GET /api/v1/users/{id}/tokens",
  "DELETE /api/v1/users/{id}/tokens/{tokenId}",
  "GET /api/v1/portfolio/summary",
  "GET /api/v1/audit",
  "GET /api/v1/use-cases/{key}/changes",
  "GET /api/v1/openapi.json",
  "GET /api/health",
  "GET /api/v1/use-cases/{key}/costs",
  "POST /api/v1/use-cases/{key}/costs",
  "GET /api/v1/scoring-model",
  "PUT /api/v1/scoring-model",
  "GET /api/v1/use-cases/{key}/scores",
  "PUT /api/v1/use-cases/{key}/scores",
  "GET /api/v1/risk-template",
  "PUT /api/v1/risk-template",
  "GET /api/v1/funding-snapshots",
  "POST /api/v1/funding-snapshots",
  "GET /api/v1/funding-snapshots/{id}",
  "GET /api/v1/funding-snapshots/compare",
  "GET /api/v1/use-cases/{key}/assessment",
  "PATCH /api/v1/use-cases/{key}/assessment",
  "POST /api/v1/use-cases/{key}/assessment/submit",
  "POST /api/v1/use-cases/{key}/assessment/review",
  "GET /api/v1/use-cases/{key}/model-card",
  "PATCH /api/v1/use-cases/{key}/model-card",
  "GET /api/v1/use-cases/{key}/risks",
  "POST /api/v1/use-cases/{key}/risks",
  "PATCH /api/v1/use-cases/{key}/risks/{id}",
  "POST /api/v1/imports/use-cases",
  "GET /api/v1/chat-channels",
  "POST /api/v1/chat-channels",
  "PATCH /api/v1/chat-channels/{id}",
  "DELETE /api/v1/chat-channels/{id}",
  "GET /api/v1/registries",
  "POST /api/v1/registries",
  "DELETE /api/v1/registries/{id}",
  "GET /api/v1/use-cases/{key}/models",
  "POST /api/v1/use-cases/{key}/models",
  "DELETE /api/v1/use-cases/{key}/models/{id}",
  "POST /api/v1/use-cases/{key}/models/sync",
  "GET /api/v1/use-cases/{key}/repository",
  "PUT /api/v1/use-cases/{key}/repository",
  "GET /api/v1/use-cases/{key}/deployment-approval",
  "GET /api/v1/me/delegation",
  "PUT /api/v1/me/delegation",
  "GET /api/v1/use-cases/{key}/plan",
  "PUT /api/v1/use-cases/{key}/plan",
  "GET /api/v1/use-cases/{key}/attachments",
  "POST /api/v1/use-cases/{key}/attachments",
  "GET /api/v1/attachments/{id}",
  "DELETE /api/v1/attachments/{id}",
  "GET /api/v1/views",
  "POST /api/v1/views",
  "GET /api/v1/views/{id}",
  "PATCH /api/v1/views/{id}",
  "DELETE /api/v1/views/{id}",
];

/** The endpoints api-v1.md names on its lines: `GET|POST /api/v1/...`, queries stripped. */
function contractFromMarkdown(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(
    /\b((?:GET|POST|PATCH|PUT|DELETE)(?:\|(?:GET|POST|PATCH|PUT|DELETE))*) (\/api\/[^\s`?]+)/g,
  )) {
    for (const method of (match[1] as string).split("|")) found.add(key(method, match[2] as string));
  }
  return [...found].sort();
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.valid).toBe(true);
    // The validator does catch a broken document.
    const broken = structuredClone(document) as { paths: Record<string, unknown> };
    broken.paths["/broken"] = { get: { responses: { 200: { content: {} } } } };
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it("documents every route handler on disk, and only those", () => {
    const excluded = (entry: string) => EXCLUDED.some(({ prefix }) => entry.split(" ")[1]?.startsWith(prefix));
    const disk = routesOnDisk().filter((entry) => !excluded(entry));
    const docs = documented();
    expect(disk.length).toBeGreaterThan(25);
    expect(disk.filter((entry) => !docs.includes(entry) && !pending.includes(entry))).toEqual([]);
    expect(docs.filter((entry) => !disk.includes(entry))).toEqual([]);
    // A reservation is dropped once its endpoint is documented.
    expect(pending.filter((entry) => docs.includes(entry))).toEqual([]);
  });

  it("covers every endpoint of the contract (docs/api-v1.md)", () => {
    const docs = documented();
    expect(CONTRACT.filter((entry) => !docs.includes(entry) && !pending.includes(entry))).toEqual([]);
    // The repository's own copy of the contract: it names what the product answers today.
    const fromFile = contractFromMarkdown(readFileSync(path.join(root, "docs", "api-v1.md"), "utf8"));
    expect(fromFile).toEqual([...CONTRACT].sort());
    expect(fromFile.filter((entry) => !docs.includes(entry) && !pending.includes(entry))).toEqual([]);
  });

  it("uses the validators themselves as request schemas", () => {
    const operation = document.paths["/api/v1/use-cases"]?.post as {
      requestBody: { content: { "application/json": { schema: Record<string, unknown> } } };
    };
    const schema = operation.requestBody.content["application/json"].schema as {
      additionalProperties?: boolean;
      required?: string[];
      properties: Record<string, unknown>;
    };
    const shape = UseCaseCreateSchema.shape;
    const zodRequired = Object.entries(shape)
      .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
      .map(([name]) => name);
    expect(schema.additionalProperties).toBe(false);
    expect([...(schema.required ?? [])].sort()).toEqual(zodRequired.sort());
    expect(zodRequired).toEqual(["title"]);
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(shape).sort());
  });

  it("gives every strict JSON body its fields, required ones and no others", () => {
    for (const endpoint of ENDPOINTS) {
      if (!endpoint.body || !("schema" in endpoint.body) || !(endpoint.body.schema instanceof z.ZodObject)) continue;
      const operation = document.paths[endpoint.path]?.[endpoint.method.toLowerCase()] as {
        requestBody: { content: { "application/json": { schema: Record<string, unknown> } } };
      };
      const schema = operation.requestBody.content["application/json"].schema;
      const shape = endpoint.body.schema.shape as Record<string, z.ZodType>;
      const required = Object.keys(shape).filter((name) => !shape[name]?.safeParse(undefined).success);
      const label = key(endpoint.method, endpoint.path);
      expect(schema.additionalProperties, label).toBe(false);
      expect(Object.keys(schema.properties as object).sort(), label).toEqual(Object.keys(shape).sort());
      expect([...((schema.required as string[]) ?? [])].sort(), label).toEqual(required.sort());
    }
  });

  it("requires the concurrency token (version, or a user's updatedAt) in the body of every edit", () => {
    const edits = ENDPOINTS.filter((e) => e.method === "PATCH" || e.method === "PUT");
    const tokens: Record<string, string> = {};
    for (const endpoint of edits) {
      const operation = document.paths[endpoint.path]?.[endpoint.method.toLowerCase()] as {
        requestBody?: { content: { "application/json"?: { schema: { required?: string[]; properties?: object } } } };
      };
      const schema = operation.requestBody?.content["application/json"]?.schema;
      const token = ["version", "expectedVersion", "updatedAt"].find((name) => name in (schema?.properties ?? {}));
      if (token) tokens[endpoint.operationId] = token;
      if (token) expect(schema?.required ?? [], key(endpoint.method, endpoint.path)).toContain(token);
    }
    // The four that once let a write without it win silently.
    expect(tokens).toMatchObject({
      updateChecklistTemplate: "expectedVersion",
      updateChecklistItem: "version",
      updateSettings: "version",
      updateUser: "updatedAt",
    });
  });

  it("turns query schemas into parameters and answers errors with the shared Problem", () => {
    const list = document.paths["/api/v1/use-cases"]?.get as {
      parameters: { name: string; in: string; required: boolean }[];
      responses: Record<string, { $ref?: string }>;
    };
    expect(list.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["stage", "status", "q", "limit", "cursor"]),
    );
    expect(list.parameters.map((p) => p.name)).not.toContain("offset");
    expect(list.responses["401"]?.$ref).toBe("#/components/responses/Unauthorized");
    const unauthorized = document.components.responses.Unauthorized as {
      content: Record<string, { schema: unknown }>;
    };
    expect(unauthorized.content["application/problem+json"]?.schema).toEqual({
      $ref: "#/components/schemas/Problem",
    });
    expect(document.paths["/api/health"]?.get).toMatchObject({ security: [] });
    expect(document.paths["/api/v1/openapi.json"]?.get).toMatchObject({ security: [] });
    expect(document.servers).toEqual([{ url: "/" }]);
    expect(document.info).toMatchObject({ title: "Roadbook API", version: "1" });
  });

  it("is built the same every time (generated once per process)", () => {
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(document));
    expect(openApiDocument()).toBe(document);
  });
});
