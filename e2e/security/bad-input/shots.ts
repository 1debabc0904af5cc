// One fuzzed request (a shot): a mutation of the operation's valid request, applied to the live
// target (versions change), as the URL, headers and body to send.
import type { z } from "zod";
import type { Endpoint } from "@/server/openapi/endpoint";
import { TARGETS } from "@/test-support/bad-input-targets";
import type { Prepared } from "@/test-support/bad-input-targets/kit";
import { segs, setAt, stringLeaves } from "@/test-support/fuzz";
import { GARBAGE_SEGMENTS, MB, MONEY_LITERALS } from "./inputs";

export type Mutation =
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
export type Shot = {
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
export const encodeSegment = (value: string) =>
  [...ENCODER.encode(value)]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) && byte < 0x80
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");

const isKeyLike = (value: string) => /^\s*UC-\d{1,9}\s*$/i.test(value);

export function buildShot(
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
