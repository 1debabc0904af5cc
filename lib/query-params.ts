// A query string as the app reads it, in pages and route handlers alike.
import { REPEATABLE_FILTER_KEYS } from "./validation/portfolio";

type Source = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * Each key's first value, the empty ones left out (a GET form sends its unfilled fields as
 * `key=`); a repeatable filter's values (`tag`) joined with commas. What the schemas then validate: an unknown key stays, for a strict schema to refuse.
 */
export function queryParams(source: Source): Record<string, string> {
  const entries: [string, string][] =
    source instanceof URLSearchParams
      ? [...source]
      : Object.entries(source).flatMap(([key, value]): [string, string][] =>
          value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((one) => [key, one]),
        );
  const firsts = new Map<string, string>();
  for (const [key, value] of entries) {
    if (value === "") continue;
    const first = firsts.get(key);
    if (first === undefined) firsts.set(key, value);
    else if (REPEATABLE_FILTER_KEYS.has(key)) firsts.set(key, `${first},${value}`);
  }
  // Object.fromEntries: "__proto__" stays an ordinary key, as the schemas expect.
  return Object.fromEntries(firsts);
}

/** The query of a request's URL (see queryParams). */
export function requestQuery(request: Request): Record<string, string> {
  return queryParams(new URL(request.url).searchParams);
}

/** Parameters of the use-case list that are not its filters or sort: the view shown, its columns, the page. */
export const LIST_STATE_KEYS = ["view", "columns", "page"] as const;

/**
 * The use-case list's filters and sort as a saved view stores them: the query string read as
 * above, without the view, columns and page, keys in order ("sort=value&stage=POC"). A filter the
 * list learns later (a tag, say) is one more key: stored without a schema change.
 */
export function listQueryString(source: Source | string): string {
  const read = queryParams(typeof source === "string" ? new URLSearchParams(source.replace(/^\?/, "")) : source);
  const keys = Object.keys(read)
    .filter((key) => !(LIST_STATE_KEYS as readonly string[]).includes(key))
    .sort();
  return new URLSearchParams(keys.map((key) => [key, read[key] as string])).toString();
}
