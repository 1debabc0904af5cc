// The active filters of a list or the dashboard as removable chips: each one a link to the same
// page without that filter, so they work as plain links before scripts load.

export type FilterChip = { name: string; label: string; value: string; href: string };

type Params = Record<string, string | undefined>;

/** The page's address with these parameters (empty ones dropped). */
export function hrefWith(path: string, params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * One chip per filter set in `params` and described in `labels` (in that order), and the "Clear
 * all" address. `keep` names the parameters that are not filters (the dashboard's view), which
 * every link keeps; any other parameter (a page number) is dropped, since the results change.
 */
export function filterChips(
  path: string,
  params: Params,
  labels: Record<string, { label: string; value?: (raw: string) => string }>,
  keep: readonly string[] = [],
): { chips: FilterChip[]; clearAll: string } {
  const kept = Object.fromEntries(keep.map((key) => [key, params[key]]));
  const filters = Object.fromEntries(Object.keys(labels).map((key) => [key, params[key]]));
  const chips = Object.entries(labels).flatMap(([name, { label, value }]) => {
    const raw = params[name];
    if (!raw) return [];
    return [
      {
        name,
        label,
        value: value ? value(raw) : raw,
        href: hrefWith(path, { ...kept, ...filters, [name]: undefined }),
      },
    ];
  });
  return { chips, clearAll: hrefWith(path, kept) };
}
