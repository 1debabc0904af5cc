/**
 * Where to send the browser after sign-in: `target` when it resolves to `origin` itself, else "/".
 *
 * The target is parsed the way the browser will parse it (`new URL(target, origin)`), so what a
 * prefix check lets through is refused: `/\evil.example` (a backslash is a slash in http URLs),
 * `/<TAB>/evil.example` (tabs and newlines are dropped), `//evil.example`, `https://evil.example`,
 * `javascript:…`. The result is a path starting with exactly one "/", so it stays on the same
 * origin whatever base it is later resolved against. The one check for every post-sign-in target:
 * the sign-in page, the sign-in form and next-auth's redirect callback.
 */
export function sameOriginPath(target: unknown, origin: string): string {
  if (typeof target !== "string" || target === "") return "/";
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
}
