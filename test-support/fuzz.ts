// What both bad-input suites (server/bad-input.test.ts at the domain layer, e2e/security/bad-input.spec.ts
// over HTTP) fuzz with: the seed and run count from the environment, a seed per property, and
// paths into a JSON value (to find its text leaves and to put a mutation at one of them).

/** The base seed of every property; reproduce a failure with FUZZ_SEED=<seed>. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_611);
/** Scales every property's number of runs (FUZZ_RUNS=3 for a deeper, slower run). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1);

/** A seed of its own for each property, derived from FUZZ_SEED and the property's name. */
export function seedOf(text: string): number {
  let h = FUZZ_SEED | 0;
  for (const ch of text) h = (Math.imul(h ^ ch.charCodeAt(0), 16_777_619) >>> 0) | 0;
  return h;
}

/** One step of a path into a JSON value: an object key or an array index. */
export type Seg = string | number;

/** `"items.0.label"` as a path: `["items", 0, "label"]`. */
export const segs = (dotted: string): Seg[] => dotted.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** The path of every string in `value`. */
export function stringLeaves(value: unknown, prefix: Seg[] = []): Seg[][] {
  if (typeof value === "string") return [prefix];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...prefix, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...prefix, k]));
  return [];
}

/** A copy of `root` with `value` at `path` (objects made along the way where missing). */
export function setAt(root: unknown, path: Seg[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [Seg, ...Seg[]];
  const copy = (Array.isArray(root) ? [...root] : root && typeof root === "object" ? { ...root } : {}) as Record<
    string | number,
    unknown
  >;
  copy[head] = setAt(copy[head], rest, value);
  return copy;
}
