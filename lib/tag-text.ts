// Tag text without zod (the list page's bundle stays small): normalising, checking, splitting.
// The schemas are in ./tags.ts.

export const TAG_MAX_LENGTH = 40;
export const TAGS_MAX = 20;

/** Letters, digits and `-`, `_`, `.`, `+`, `#`; starts with a letter or digit (no comma: filters join tags with one). */
const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_.+#-]*$/u;

/** Trimmed, lower case, each run of inner spaces as one "-". Not yet checked: see tagProblem. */
export function normaliseTag(raw: string): string {
  return raw.normalize("NFC").trim().toLowerCase().replace(/\s+/g, "-");
}

/** Why a normalised tag is refused, or null when it is fine. */
export function tagProblem(tag: string): string | null {
  if (tag === "") return "A tag cannot be empty.";
  if ([...tag].length > TAG_MAX_LENGTH)
    return `A tag has at most ${TAG_MAX_LENGTH} characters ("${tag.slice(0, 20)}…").`;
  if (!TAG_PATTERN.test(tag))
    return `"${tag}" is not a tag: use letters, digits and - _ . + # (starting with a letter or digit).`;
  return null;
}

/** Normalised, each once, sorted: the stored form of a set of tags. */
export function normaliseTags(raw: readonly string[]): string[] {
  return [...new Set(raw.map(normaliseTag))].sort();
}

/** Tags typed in one text ("churn, retail; b2b"): split on commas and semicolons. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,;]/)
    .map(normaliseTag)
    .filter((tag) => tag !== "");
}
