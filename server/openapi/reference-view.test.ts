import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";
import {
  componentSchema,
  documentOperations,
  MAX_SCHEMA_DEPTH,
  type ReferenceDocument,
  referenceView,
  type SchemaNode,
} from "./reference-view";

const document = openApiDocument();
const view = referenceView(document);
const operations = view.groups.flatMap((group) => group.operations);
const operation = (id: string) => {
  const found = operations.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No operation ${id}.`);
  return found;
};
const property = (node: SchemaNode | undefined, name: string) => node?.properties?.find((p) => p.name === name);

/** Every node of a tree, to look for leftovers of the raw document. */
function nodes(node: SchemaNode): SchemaNode[] {
  return [
    node,
    ...(node.properties ?? []).flatMap((p) => nodes(p.schema)),
    ...(node.variants ?? []).flatMap((variant) => nodes(variant)),
  ];
}

describe("the API reference's view of the real OpenAPI document", () => {
  it("lists every path and method of the document exactly once", () => {
    const listed = operations.map((op) => `${op.method} ${op.path}`);
    expect(listed.length).toBe(new Set(listed).size);
    expect(listed.sort()).toEqual(documentOperations(document).sort());
    expect(listed).toContain("GET /api/v1/use-cases");
  });

  it("groups the operations under the document's tags, in the document's order, with unique slugs and anchors", () => {
    expect(view.groups.map((group) => group.name)).toEqual(
      document.tags.map((tag) => tag.name).filter((name) => view.groups.some((group) => group.name === name)),
    );
    expect(view.groups[0]?.name).toBe("Use cases");
    expect(view.groups[0]?.slug).toBe("use-cases");
    const slugs = view.groups.map((group) => group.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const anchors = operations.map((op) => op.id);
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const anchor of anchors) expect(anchor).toMatch(/^[A-Za-z][\w-]*$/);
  });

  it("describes an operation: summary, parameters with types and constraints, auth", () => {
    const list = operation("listUseCases");
    expect(list).toMatchObject({ method: "GET", path: "/api/v1/use-cases", summary: "List use cases", auth: "token" });
    const stage = list.parameters.find((parameter) => parameter.name === "stage");
    expect(stage).toMatchObject({
      in: "query",
      required: false,
      type: '"POC" | "PROTOTYPE" | "PACKAGING" | "PRODUCTION"',
    });
    const limit = list.parameters.find((parameter) => parameter.name === "limit");
    expect(limit).toMatchObject({ type: "integer", constraints: ["min 1", "max 100", "default 50"] });
    expect(operations.find((op) => op.path === "/api/health")?.auth).toBe("public");
    expect(operations.find((op) => op.method === "POST" && op.path === "/api/v1/tokens")?.auth).toBe("session");
  });

  it("resolves $refs: a response names its component and lists its properties", () => {
    const ok = operation("listUseCases").responses.find((response) => response.status === "200");
    expect(ok?.schema?.type).toBe("UseCasePage");
    const items = property(ok?.schema, "items");
    expect(items?.schema.type).toBe("UseCase[]");
    expect(items?.required).toBe(true);
    const stage = property(items?.schema, "stage");
    expect(stage?.schema.type).toContain('"PRODUCTION"');
    // No `$ref` is left anywhere in the tree: each is a type name with the target's properties.
    const tree = JSON.stringify(operations);
    expect(tree).not.toContain("$ref");
    expect(tree).not.toContain("#/components/");
  });

  it("shows nullable unions as A | B and keeps the constraints", () => {
    const body = operations.find((op) => op.method === "POST" && op.path === "/api/v1/use-cases")?.requestBody;
    expect(body).toMatchObject({ contentType: "application/json", required: true });
    expect(property(body?.schema, "title")).toMatchObject({
      required: true,
      schema: { type: "string", constraints: ["min length 1", "max length 200"] },
    });
    expect(property(body?.schema, "benefitArea")?.schema.type).toBe('"REVENUE_GROWTH" | "COST_REDUCTION" | null');
    expect(property(body?.schema, "ownerId")?.schema).toMatchObject({
      type: "string | null",
      constraints: expect.arrayContaining(["max length 64"]),
    });
    expect(property(property(body?.schema, "ebitda")?.schema, "currency")?.schema.constraints).toContain(
      "pattern ^[A-Z]{3}$",
    );
  });

  it("names the shared problem responses instead of repeating their schema, and describes Problem once", () => {
    const forbidden = operation("listUseCases").responses.find((response) => response.status === "403");
    expect(forbidden).toMatchObject({
      description: "Your role may not do this.",
      contentType: "application/problem+json",
      sharedSchema: "Problem",
    });
    expect(forbidden?.schema).toBeUndefined();
    const tooMany = operation("listUseCases").responses.find((response) => response.status === "429");
    expect(tooMany?.headers).toEqual([{ name: "Retry-After", type: "integer", description: "Seconds to wait." }]);
    const problem = componentSchema(document, "Problem");
    expect(problem?.properties?.map((p) => p.name)).toEqual(expect.arrayContaining(["type", "title", "status"]));
  });

  it("leaves no schema untyped by accident", () => {
    for (const op of operations)
      for (const schema of [op.requestBody?.schema, ...op.responses.map((response) => response.schema)])
        for (const node of schema ? nodes(schema) : []) expect(node.type, `${op.id}`).not.toBe("");
  });
});

describe("schemas the real document does not have (yet)", () => {
  const cyclic: ReferenceDocument = {
    info: { title: "T", version: "1" },
    paths: {
      "/nodes": {
        get: {
          operationId: "tree",
          tags: ["Trees"],
          responses: {
            "200": {
              description: "A tree",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Node: {
          type: "object",
          properties: {
            name: { type: "string" },
            parent: { anyOf: [{ $ref: "#/components/schemas/Node" }, { type: "null" }] },
            children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
            edge: { $ref: "#/components/schemas/Edge" },
          },
          required: ["name"],
        },
        Edge: { type: "object", properties: { to: { $ref: "#/components/schemas/Node" } } },
      },
    },
  };

  it("a cyclic schema terminates, marking where it refers back to itself", () => {
    const schema = referenceView(cyclic).groups[0]?.operations[0]?.responses[0]?.schema;
    expect(schema?.type).toBe("Node");
    expect(property(schema, "parent")?.schema).toMatchObject({ type: "Node | null", truncated: "cycle" });
    expect(property(schema, "children")?.schema).toMatchObject({ type: "Node[]", truncated: "cycle" });
    expect(property(property(schema, "edge")?.schema, "to")?.schema).toMatchObject({
      type: "Node",
      truncated: "cycle",
    });
    expect(JSON.stringify(schema).length).toBeLessThan(2_000);
  });

  it("a deep schema stops expanding at the depth limit", () => {
    let deep: Record<string, unknown> = { type: "string" };
    for (let level = 0; level < MAX_SCHEMA_DEPTH + 5; level++) deep = { type: "object", properties: { inner: deep } };
    const root = referenceView({
      info: { title: "T", version: "1" },
      paths: {
        "/deep": { post: { requestBody: { content: { "application/json": { schema: deep } } }, responses: {} } },
      },
    }).groups[0]?.operations[0]?.requestBody?.schema;
    let node = root;
    let levels = 0;
    while (node?.properties) {
      node = property(node, "inner")?.schema;
      levels++;
    }
    expect(levels).toBe(MAX_SCHEMA_DEPTH);
    expect(node).toMatchObject({ type: "object", truncated: "depth" });
  });

  it("an untagged operation without an operationId still gets a group and an anchor", () => {
    const groups = referenceView({
      info: { title: "T", version: "1" },
      paths: { "/a/{id}": { delete: { responses: { "204": { description: "Gone" } } } } },
    }).groups;
    expect(groups).toMatchObject([{ name: "Other", operations: [{ id: "delete-a-id", method: "DELETE" }] }]);
  });
});
