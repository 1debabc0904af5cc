// The OpenAPI 3.1 document of the HTTP API, built from the endpoint registry (./paths/):
// request bodies and query parameters come from the zod schemas that validate them (zod 4's
// JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses as is), responses from ./schemas/.
import "server-only";
import { z } from "zod";
import { PortfolioFiltersSchema } from "@/lib/validation/portfolio";
import { type Endpoint, type ErrorStatus, PATH_PARAMS, TAGS, WRAPPER_ERRORS } from "./endpoint";
import { ENDPOINTS } from "./paths";
import { RESPONSE_COMPONENTS } from "./schemas";

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
};

/** Named schemas: every response schema, plus request schemas that responses embed. */
const COMPONENTS: Record<string, z.ZodType> = { ...RESPONSE_COMPONENTS, PortfolioFilters: PortfolioFiltersSchema };

const PROBLEM_RESPONSES: Record<ErrorStatus, { name: string; description: string }> = {
  400: { name: "BadRequest", description: "The body is not valid JSON." },
  401: { name: "Unauthorized", description: "No or invalid credentials: send a Bearer token or sign in." },
  403: { name: "Forbidden", description: "Your role may not do this." },
  404: { name: "NotFound", description: "Unknown use case or record." },
  409: {
    name: "Conflict",
    description: "A stale `version` (the record as it is now in `current`) or a rule of the lifecycle.",
  },
  413: { name: "ContentTooLarge", description: "The body is larger than 1 MB." },
  422: { name: "UnprocessableContent", description: "Invalid input: the fields at fault are in `errors`." },
  429: { name: "TooManyRequests", description: "Throttled: retry after `Retry-After` seconds." },
  415: { name: "UnsupportedMediaType", description: "The body's Content-Type is not one the operation reads." },
};

const DESCRIPTION = `The HTTP API of Roadbook: JSON in camelCase, money as decimal strings with a \`currency\`
(ISO 4217), dates as ISO 8601 strings. Errors are RFC 9457 problems (\`application/problem+json\`).

**Authentication**: \`Authorization: Bearer <token>\`, or the browser session cookie when signed in.
A token acts as its user, with that user's role, within its scope (\`read-only\` tokens may only GET;
a write answers 403), until it expires (90 days by default, at most a year; then 401). Create one on the
API tokens page, or with the CLI:
\`npm run roadbook -- token:create --email you@example.com --name "CI job" [--scope read-only] [--expires-in-days 30]\`
(it is printed once).

The contract that must hold is \`docs/api-v1.md\`; this document is generated from the
schemas that validate the requests.`;

const CONVERT = { target: "draft-2020-12", io: "input", unrepresentable: "any" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Generated once per process: the schemas and endpoints do not change while it runs. */
let cached: { document: OpenApiDocument; json: string } | undefined;
function generated() {
  if (!cached) {
    const document = buildOpenApiDocument();
    cached = { document, json: JSON.stringify(document) };
  }
  return cached;
}
export const openApiDocument = (): OpenApiDocument => generated().document;
/** The document as JSON text (what GET /api/v1/openapi.json answers). */
export const openApiJson = (): string => generated().json;

export function buildOpenApiDocument(endpoints: readonly Endpoint[] = ENDPOINTS): OpenApiDocument {
  const schemas = convertSchemas(endpoints);
  const paths: OpenApiDocument["paths"] = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] ??= {};
    const item = paths[endpoint.path] as Record<string, unknown>;
    if (item[endpoint.method.toLowerCase()]) throw new Error(`${endpoint.method} ${endpoint.path} is declared twice.`);
    item[endpoint.method.toLowerCase()] = operation(endpoint, schemas);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Roadbook API", version: "1", description: DESCRIPTION },
    servers: [{ url: "/" }],
    tags: TAGS.map((tag) => ({ ...tag })),
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths,
    components: {
      schemas: schemas.components,
      responses: Object.fromEntries(
        Object.entries(PROBLEM_RESPONSES).map(([status, { name, description }]) => [
          name,
          {
            description,
            ...(status === "401"
              ? { headers: { "WWW-Authenticate": { schema: { type: "string" }, example: 'Bearer realm="roadbook"' } } }
              : {}),
            ...(status === "429"
              ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } } }
              : {}),
            content: { "application/problem+json": { schema: ref("Problem") } },
          },
        ]),
      ),
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description:
            "An API token: `npm run roadbook -- token:create --email E --name N [--scope read-only|read-write] [--expires-in-days N]` prints one.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The browser session after signing in (`__Secure-next-auth.session-token` over HTTPS).",
        },
      },
    },
  };
}

/**
 * Every schema in one zod pass, so shared ones become `$ref`s to components.schemas: the named
 * components, and one synthetic entry per endpoint schema (body, query, response) that is then
 * inlined into its operation.
 */
function convertSchemas(endpoints: readonly Endpoint[]) {
  const registry = z.registry<{ id: string }>();
  const idOf = new Map<z.ZodType, string>();
  const add = (schema: z.ZodType, id: string) => {
    if (idOf.has(schema)) return;
    idOf.set(schema, id);
    registry.add(schema, { id });
  };
  for (const [name, schema] of Object.entries(COMPONENTS)) add(schema, name);
  let n = 0;
  for (const endpoint of endpoints) {
    const used = [
      endpoint.query,
      endpoint.body && "schema" in endpoint.body ? endpoint.body.schema : undefined,
      endpoint.success.schema,
      ...(endpoint.otherResponses ?? []).map((response) => response.schema),
    ];
    for (const schema of used) if (schema) add(schema, `__inline${n++}`);
  }
  for (const schema of Object.values(PATH_PARAMS)) add(schema, `__inline${n++}`);

  const output = z.toJSONSchema(registry, { ...CONVERT, uri: (id) => `#/components/schemas/${id}` }).schemas;
  const clean = Object.fromEntries(
    Object.entries(output).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, withoutSafeIntegerBounds(schema)]),
  );
  const components: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(clean)) if (!id.startsWith("__inline")) components[id] = schema;
  // An endpoint schema embedded in another schema would be a $ref to nothing once inlined.
  const refs = JSON.stringify(clean).match(/#\/components\/schemas\/__inline\d+/g);
  if (refs) throw new Error(`An endpoint schema is embedded elsewhere (${refs[0]}): add it to COMPONENTS.`);

  /** The JSON Schema of a registered schema: a $ref for a component, else the schema itself. */
  const of = (schema: z.ZodType): JsonSchema => {
    const id = idOf.get(schema);
    if (!id) throw new Error("Schema not registered.");
    return id.startsWith("__inline") ? (clean[id] as JsonSchema) : ref(id);
  };
  /** The JSON Schema of a registered schema itself, even a component's. */
  const resolve = (schema: z.ZodType): JsonSchema => clean[idOf.get(schema) ?? ""] ?? {};
  return { components, of, resolve };
}

type Converted = ReturnType<typeof convertSchemas>;

/** `.int()` says "a safe integer" with bounds of ±(2^53 - 1): true, but noise in a reference. */
function withoutSafeIntegerBounds(schema: unknown): JsonSchema {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    (key === "minimum" || key === "maximum") && Math.abs(value) === Number.MAX_SAFE_INTEGER ? undefined : value,
  );
}

function operation(endpoint: Endpoint, { of, resolve }: Converted): Record<string, unknown> {
  const responses: Record<string, unknown> = {
    [endpoint.success.status]: {
      description: endpoint.success.description,
      ...(endpoint.success.schema ? { content: { "application/json": { schema: of(endpoint.success.schema) } } } : {}),
      ...(endpoint.success.binary
        ? { content: { [endpoint.success.binary]: { schema: { type: "string", format: "binary" } } } }
        : {}),
    },
  };
  for (const other of endpoint.otherResponses ?? [])
    responses[other.status] = {
      description: other.description,
      content: { "application/json": { schema: of(other.schema) } },
    };
  const errors = new Set<ErrorStatus>([...endpoint.errors, ...(endpoint.public ? [] : WRAPPER_ERRORS)]);
  for (const status of [...errors].sort((a, b) => a - b))
    responses[status] = { $ref: `#/components/responses/${PROBLEM_RESPONSES[status].name}` };

  const params = parameters(endpoint, resolve);
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [endpoint.tag],
    ...(endpoint.public ? { security: [] } : endpoint.sessionOnly ? { security: [{ sessionCookie: [] }] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(endpoint.body ? { requestBody: requestBody(endpoint.body, of) } : {}),
    responses,
  };
}

function parameters(endpoint: Endpoint, resolve: Converted["resolve"]) {
  const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const path = names.map((name) => {
    const schema = PATH_PARAMS[name as keyof typeof PATH_PARAMS];
    if (!schema) throw new Error(`No PATH_PARAMS entry for {${name}} (${endpoint.path}).`);
    return parameter(name, "path", true, resolve(schema));
  });
  if (!endpoint.query) return path;
  const object = resolve(endpoint.query) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  const required = new Set(object.required ?? []);
  return [
    ...path,
    ...Object.entries(object.properties ?? {}).map(([name, schema]) =>
      parameter(name, "query", required.has(name), schema),
    ),
  ];
}

function parameter(name: string, where: "path" | "query", required: boolean, schema: JsonSchema) {
  const { description, ...rest } = schema;
  return {
    name,
    in: where,
    required,
    ...(typeof description === "string" ? { description } : {}),
    schema: rest,
  };
}

function requestBody(body: NonNullable<Endpoint["body"]>, of: Converted["of"]) {
  if ("schema" in body)
    return { required: !body.optional, content: { "application/json": { schema: of(body.schema) } } };
  const schema = (binary: boolean | undefined) =>
    binary
      ? { type: "string", format: "binary", maxLength: body.maxBytes }
      : { type: "string", maxLength: body.maxBytes };
  return {
    required: true,
    description: body.description,
    content: Object.fromEntries(
      [{ contentType: body.contentType, binary: body.binary }, ...(body.also ?? [])].map((type) => [
        type.contentType,
        { schema: schema(type.binary) },
      ]),
    ),
  };
}
