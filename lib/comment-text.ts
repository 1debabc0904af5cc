// A comment's plain text as segments the UI renders with React text only (so everything is
// escaped): line breaks, http(s) links and @mentions. The server uses the same scanner to
// decide which mentioned people are really named in the body.

export type CommentSegment =
  | { kind: "text"; text: string }
  | { kind: "break" }
  | { kind: "link"; text: string; href: string }
  | { kind: "mention"; text: string; name: string };

const URL_CANDIDATE = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"*_~]$/;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** An http(s) address as typed, minus the sentence's punctuation; null when it is no valid web address. */
function cleanUrl(candidate: string): { text: string; href: string } | null {
  let text = candidate;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(text)) text = text.slice(0, -1);
    else if (text.endsWith(")") && count(text, "(") < count(text, ")")) text = text.slice(0, -1);
    else if (text.endsWith("]") && count(text, "[") < count(text, "]")) text = text.slice(0, -1);
    else break;
  }
  try {
    const url = new URL(text);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return null;
    return { text, href: url.href };
  } catch {
    return null;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** `@Name` for each of `names` (the longest first, so "@Ann Lee" wins over "@Ann"), outside words and emails. */
function mentionSegments(text: string, names: readonly string[]): CommentSegment[] {
  const sorted = [...new Set(names.filter((name) => name.trim() !== ""))].sort((a, b) => b.length - a.length);
  const segments: CommentSegment[] = [];
  let plainFrom = 0;
  let at = text.indexOf("@");
  while (at !== -1 && sorted.length > 0) {
    const before = at > 0 ? text[at - 1] : "";
    const name = before && WORD_CHAR.test(before) ? undefined : sorted.find((n) => nameAt(text, at + 1, n));
    if (name) {
      if (at > plainFrom) segments.push({ kind: "text", text: text.slice(plainFrom, at) });
      segments.push({ kind: "mention", text: `@${name}`, name });
      plainFrom = at + 1 + name.length;
      at = text.indexOf("@", plainFrom);
    } else {
      at = text.indexOf("@", at + 1);
    }
  }
  if (plainFrom < text.length) segments.push({ kind: "text", text: text.slice(plainFrom) });
  return segments;
}

function nameAt(text: string, index: number, name: string): boolean {
  if (!text.startsWith(name, index)) return false;
  const after = text[index + name.length];
  return after === undefined || !WORD_CHAR.test(after);
}

function lineSegments(line: string, names: readonly string[]): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let plainFrom = 0;
  for (const match of line.matchAll(URL_CANDIDATE)) {
    const start = match.index;
    const before = start > 0 ? line[start - 1] : "";
    if (before && WORD_CHAR.test(before)) continue;
    const url = cleanUrl(match[0]);
    if (!url) continue;
    segments.push(...mentionSegments(line.slice(plainFrom, start), names));
    segments.push({ kind: "link", text: url.text, href: url.href });
    plainFrom = start + url.text.length;
  }
  segments.push(...mentionSegments(line.slice(plainFrom), names));
  return segments;
}

/**
 * The body as segments: text, line breaks, http(s) links (nothing else is ever linked) and
 * mentions of `mentionNames`. The text is never interpreted: `<script>` stays text.
 */
export function commentSegments(body: string, mentionNames: readonly string[] = []): CommentSegment[] {
  const segments: CommentSegment[] = [];
  body.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (index > 0) segments.push({ kind: "break" });
    segments.push(...lineSegments(line, mentionNames));
  });
  return segments;
}

/** Which of `names` the body really mentions as `@Name` (outside links). */
export function mentionedNames(body: string, names: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const segment of commentSegments(body, names)) if (segment.kind === "mention") found.add(segment.name);
  return found;
}

const MENTION_QUERY = /(?:^|[\s(])@(\p{L}[\p{L}\p{M}\p{N}.'’-]*(?: [\p{L}\p{M}\p{N}.'’-]+){0,2})$/u;

/**
 * The @mention being typed just before the caret: where its @ is and the letters after it
 * (up to three words, for "@Ada Lo"). Null when the caret is not right after such a word.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = MENTION_QUERY.exec(text.slice(0, caret));
  if (!match?.[1]) return null;
  return { start: caret - match[1].length - 1, query: match[1] };
}

/**
 * Replace the typed `@que` (from `start` to `caret`) with `@Full Name`, and a space unless
 * a space or punctuation follows; say where the caret goes.
 */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const next = text[caret];
  const inserted = next === undefined || WORD_CHAR.test(next) ? `@${name} ` : `@${name}`;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}
