// PostgreSQL's text cannot hold U+0000, and a lone UTF-16 surrogate has no UTF-8 form at all:
// either one in a query makes the driver throw. Input is checked for both before it reaches a
// schema or the database, so the user gets a field-level 422 (or a 400/404 for an address),
// never a 500.

/** What the user is told about such a field. */
export const UNSTORABLE_TEXT_MESSAGE =
  "This contains a character that cannot be stored (a NUL character or broken Unicode). Remove it and try again.";

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && !LONE_SURROGATE.test(text);
}

/**
 * The path ("title", "items.2.note"; "" for the value itself) of the first string in `value`,
 * or object key, that cannot be stored; null when every string can. Walks plain JSON-like
 * values (objects, arrays) only, at most `maxDepth` levels deep.
 */
export function unstorableTextPath(value: unknown, path = "", maxDepth = 32): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (value === null || typeof value !== "object" || maxDepth <= 0) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextPath(value[i], join(path, String(i)), maxDepth - 1);
      if (found !== null) return found;
    }
    return null;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (!isStorableText(key)) return join(path, key);
    const found = unstorableTextPath(inner, join(path, key), maxDepth - 1);
    if (found !== null) return found;
  }
  return null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
