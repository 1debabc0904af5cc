// Turns the OpenAPI 3.1 document into what the API reference pages render (/api-docs, the
// overview, and /api-docs/<tag>, one page per tag): operations grouped by tag, `$ref`s to `#/components/...` resolved, schemas flattened into a
// tree of labelled nodes (`string[]`, `"A" | "B"`, `UseCase | null`) with their constraints.
// Pure: no I/O, no React; the page passes it openApiDocument(), the test passes it documents of
// its own (a cyclic one among them).

type Json = Record<string, unknown>;

/** What the page needs of a document (OpenApiDocument, or any OpenAPI 3.1 document). */
export type ReferenceDocument = {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
};

export type SchemaNode = {
  /** `string`, `integer`, `UseCase`, `string[]`, `"POC" | "PROTOTYPE"`, `Person | null`… */
  type: string;
  description?: string;
  /** Human-readable: `max length 200`, `pattern ^[A-Z]{3}$`, `format date-time`, `default 50`… */
  constraints: string[];
  /** An object's properties (an array of objects: the items' properties). */
  properties?: PropertyNode[];
  /** anyOf/oneOf members that have properties of their own. */
  variants?: SchemaNode[];
  /** Not expanded: the schema refers back to itself (`cycle`) or nests too deep (`depth`). */
  truncated?: "cycle" | "depth";
};

export type PropertyNode = { name: string; required: boolean; schema: SchemaNode };

export type ParameterView = {
  name: string;
  in: string;
  required: boolean;
  type: string;
  description?: string;
  constraints: string[];
};

export type ResponseView = {
  status: string;
  description: string;
  contentType?: string;
  schema?: SchemaNode;
  /** A shared response (`#/components/responses/Forbidden`): its schema's name, rendered once on the page. */
  sharedSchema?: string;
  headers: { name: string; type: string; description?: string }[];
};

export type OperationView = {
  /** The operationId: the section's anchor. */
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  /** `public` (no credentials), `session` (browser session only), or `token` (Bearer token or session). */
  auth: "public" | "session" | "token";
  parameters: ParameterView[];
  requestBody?: { contentType: string; required: boolean; description?: string; schema: SchemaNode };
  responses: ResponseView[];
};

/** A tag's operations: the page /api-docs/<slug>. */
export type TagGroup = { name: string; slug: string; description?: string; operations: OperationView[] };

export type ReferenceView = { title: string; version: string; groups: TagGroup[] };

/** Nested objects deeper than this are named, not expanded (and a cycle stops at its first repeat). */
export const MAX_SCHEMA_DEPTH = 6;

const METHODS = ["get", "post", "put", "patch", "delete", "head", "options", "trace"] as const;
const SCHEMA_REF = "#/components/schemas/";
const RESPONSE_REF = "#/components/responses/";

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** `Use cases` → `use-cases`: the tag's page is /api-docs/use-cases. */
export const tagSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export function referenceView(document: ReferenceDocument): ReferenceView {
  const schemas = new SchemaReader(document.components?.schemas ?? {});
  const sharedResponses = document.components?.responses ?? {};
  const groups = new Map<string, TagGroup>();
  for (const tag of document.tags ?? [])
    groups.set(tag.name, { name: tag.name, slug: tagSlug(tag.name), description: tag.description, operations: [] });

  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const view = operationView(method, path, operation, schemas, sharedResponses);
      // An operation appears once, under its first tag (the document gives each exactly one).
      const tag = (Array.isArray(operation.tags) && text(operation.tags[0])) || "Other";
      if (!groups.has(tag)) groups.set(tag, { name: tag, slug: tagSlug(tag), operations: [] });
      groups.get(tag)?.operations.push(view);
    }
  }
  return {
    title: document.info.title,
    version: document.info.version,
    groups: [...groups.values()].filter((group) => group.operations.length > 0),
  };
}

/** A named component schema, described once (the page renders `Problem` in its intro). */
export function componentSchema(document: ReferenceDocument, name: string): SchemaNode | undefined {
  const schema = document.components?.schemas?.[name];
  return schema === undefined ? undefined : new SchemaReader(document.components?.schemas ?? {}).node(schema);
}

function operationView(
  method: string,
  path: string,
  operation: Json,
  schemas: SchemaReader,
  sharedResponses: Record<string, unknown>,
): OperationView {
  const security = operation.security;
  const auth: OperationView["auth"] = !Array.isArray(security)
    ? "token"
    : security.length === 0
      ? "public"
      : security.every((requirement) => isObject(requirement) && Object.keys(requirement).includes("sessionCookie"))
        ? "session"
        : "token";
  const parameters = (Array.isArray(operation.parameters) ? operation.parameters : [])
    .filter(isObject)
    .map((parameter): ParameterView => {
      const schema = schemas.node(parameter.schema ?? {}, 1);
      return {
        name: String(parameter.name),
        in: String(parameter.in),
        required: parameter.required === true,
        type: schema.type,
        description: text(parameter.description) ?? schema.description,
        constraints: schema.constraints,
      };
    });
  const body = isObject(operation.requestBody) ? operation.requestBody : undefined;
  const bodyContent = body && isObject(body.content) ? Object.entries(body.content)[0] : undefined;
  const responses = Object.entries(isObject(operation.responses) ? operation.responses : {}).map(([status, value]) =>
    responseView(status, value, schemas, sharedResponses),
  );
  return {
    id: text(operation.operationId) ?? `${method} ${path}`.replace(/[^A-Za-z0-9_]+/g, "-").replace(/-$/, ""),
    method: method.toUpperCase(),
    path,
    summary: text(operation.summary) ?? `${method.toUpperCase()} ${path}`,
    description: text(operation.description),
    auth,
    parameters,
    ...(body && bodyContent
      ? {
          requestBody: {
            contentType: bodyContent[0],
            required: body.required === true,
            description: text(body.description),
            schema: schemas.node(isObject(bodyContent[1]) ? (bodyContent[1].schema ?? {}) : {}),
          },
        }
      : {}),
    responses,
  };
}

function responseView(
  status: string,
  value: unknown,
  schemas: SchemaReader,
  sharedResponses: Record<string, unknown>,
): ResponseView {
  let response = isObject(value) ? value : {};
  let shared = false;
  const ref = text(response.$ref);
  if (ref?.startsWith(RESPONSE_REF)) {
    const target = sharedResponses[ref.slice(RESPONSE_REF.length)];
    response = isObject(target) ? target : {};
    shared = true;
  }
  const content = isObject(response.content) ? Object.entries(response.content)[0] : undefined;
  const schema = content && isObject(content[1]) ? content[1].schema : undefined;
  const schemaRef = isObject(schema) ? text(schema.$ref) : undefined;
  const headers = Object.entries(isObject(response.headers) ? response.headers : {}).map(([name, header]) => {
    const h = isObject(header) ? header : {};
    return { name, type: schemas.node(h.schema ?? {}, 1).type, description: text(h.description) };
  });
  return {
    status,
    description: text(response.description) ?? "",
    ...(content ? { contentType: content[0] } : {}),
    // A shared response's schema is the same everywhere: named here, described once on the page.
    ...(shared && schemaRef?.startsWith(SCHEMA_REF)
      ? { sharedSchema: schemaRef.slice(SCHEMA_REF.length) }
      : schema !== undefined
        ? { schema: schemas.node(schema) }
        : {}),
    headers,
  };
}

/** Describes JSON Schemas, resolving `#/components/schemas/...` against one document's components. */
class SchemaReader {
  constructor(private readonly components: Record<string, unknown>) {}

  /** The tree of a schema; `depth` counts the objects already opened above it. */
  node(schema: unknown, depth = 0, open: readonly string[] = []): SchemaNode {
    const s = isObject(schema) ? schema : {};
    const ref = text(s.$ref);
    if (ref) {
      const name = ref.startsWith(SCHEMA_REF) ? ref.slice(SCHEMA_REF.length) : ref;
      const target = this.components[name];
      if (!ref.startsWith(SCHEMA_REF) || !isObject(target)) return { type: name, constraints: [] };
      const description = text(s.description);
      if (open.includes(name))
        return { type: name, constraints: [], truncated: "cycle", ...(description ? { description } : {}) };
      const resolved = this.node(target, depth, [...open, name]);
      // An object is called by its component name; a string with a pattern stays "string".
      const named =
        resolved.properties || this.isObjectSchema(target)
          ? `${name}${resolved.type.endsWith(" | null") ? " | null" : ""}`
          : resolved.type;
      return { ...resolved, type: named, ...(description ? { description } : {}) };
    }

    const constraints = constraintsOf(s);
    const description = text(s.description);
    const base = { constraints, ...(description ? { description } : {}) };

    const union = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
    if (union) {
      const members = union.map((member) => this.node(member, depth, open));
      const expandable = members.filter((member) => member.properties || member.variants || member.truncated);
      const type = members.map((member) => member.type).join(" | ");
      const about = description ?? members.find((member) => member.description)?.description;
      const merged = {
        constraints: [...new Set([...constraints, ...members.flatMap((member) => member.constraints)])],
        ...(about ? { description: about } : {}),
      };
      // `Person | null`: the one expandable member's properties are the node's own.
      if (expandable.length === 1 && expandable[0]) {
        const only = expandable[0];
        return {
          ...merged,
          type,
          ...(only.properties ? { properties: only.properties } : {}),
          ...(only.variants ? { variants: only.variants } : {}),
          ...(only.truncated ? { truncated: only.truncated } : {}),
        };
      }
      return { ...merged, type, ...(expandable.length > 1 ? { variants: expandable } : {}) };
    }

    if (s.const !== undefined) return { ...base, type: JSON.stringify(s.const) };
    if (Array.isArray(s.enum)) return { ...base, type: s.enum.map((value) => JSON.stringify(value)).join(" | ") };

    const types = Array.isArray(s.type) ? s.type.map(String) : text(s.type) ? [String(s.type)] : [];
    const nullable = s.nullable === true || types.includes("null");
    const main = types.filter((type) => type !== "null");
    const withNull = (type: string) => (nullable ? `${type} | null` : type);

    if (main.includes("array") || (main.length === 0 && s.items !== undefined)) {
      const items = this.node(s.items ?? {}, depth, open);
      const itemType = items.type.includes(" | ") ? `(${items.type})` : items.type;
      return {
        ...base,
        type: withNull(`${itemType}[]`),
        // The items' constraints say what each element may be.
        constraints: [...constraints, ...items.constraints.map((constraint) => `each: ${constraint}`)],
        ...(items.properties ? { properties: items.properties } : {}),
        ...(items.variants ? { variants: items.variants } : {}),
        ...(items.truncated ? { truncated: items.truncated } : {}),
      };
    }

    if (main.includes("object") || (main.length === 0 && isObject(s.properties))) {
      const properties = isObject(s.properties) ? Object.entries(s.properties) : [];
      const extra = isObject(s.additionalProperties) ? this.node(s.additionalProperties, depth + 1, open) : undefined;
      const type = withNull(
        extra && properties.length === 0
          ? `Record<string, ${extra.type}>`
          : main
              .filter((type) => type !== "object")
              .concat("object")
              .join(" | "),
      );
      if (properties.length === 0) return { ...base, type };
      if (depth >= MAX_SCHEMA_DEPTH) return { ...base, type, truncated: "depth" };
      const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
      return {
        ...base,
        type,
        properties: properties.map(([name, property]) => ({
          name,
          required: required.has(name),
          schema: this.node(property, depth + 1, open),
        })),
      };
    }

    return { ...base, type: main.length ? withNull(main.join(" | ")) : nullable ? "null" : "any" };
  }

  private isObjectSchema(schema: Json): boolean {
    return schema.type === "object" || isObject(schema.properties);
  }
}

/** The validation keywords a reader needs, in words. */
function constraintsOf(s: Json): string[] {
  const out: string[] = [];
  const add = (label: string, value: unknown) => {
    if (value !== undefined) out.push(`${label} ${typeof value === "string" ? value : JSON.stringify(value)}`);
  };
  add("format", s.format);
  add("min", s.minimum);
  add("max", s.maximum);
  add("greater than", s.exclusiveMinimum);
  add("less than", s.exclusiveMaximum);
  add("min length", s.minLength);
  add("max length", s.maxLength);
  add("min items", s.minItems);
  add("max items", s.maxItems);
  add("pattern", s.pattern);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

/** Every operation of a document as `METHOD /path`: what the reference must list, each once. */
export function documentOperations(document: ReferenceDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => isObject(item[method])).map((method) => `${method.toUpperCase()} ${path}`),
  );
}
