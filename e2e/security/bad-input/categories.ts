// The properties of the bad-input fuzz, by kind of bad input: for each write operation of the
// registry, the mutations of each category, their runs and their pinned examples.
import fc from "fast-check";
import type { Endpoint } from "@/server/openapi/endpoint";
import { ENDPOINTS } from "@/server/openapi/paths";
import { TARGETS } from "@/test-support/bad-input-targets";
import {
  CONTENT_TYPES,
  GARBAGE_SEGMENTS,
  huge,
  INJECTIONS,
  MALFORMED,
  MONEY,
  MONEY_LITERALS,
  ODD_UNICODE,
  text,
} from "./inputs";
import type { Mutation } from "./shots";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const WRITES = ENDPOINTS.filter((endpoint) => WRITE_METHODS.has(endpoint.method));
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

export function categories(endpoint: Endpoint): Category[] {
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
