// What the browser pays: the first-load JS of each route and Lighthouse's performance score.
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";

/**
 * First-load JS of a route, as Next.js counts it: the scripts the route's HTML loads (not the
 * chunks loaded later on demand, such as the charts), gzip-compressed.
 */
export async function firstLoadJs(
  base: string,
  cookie: string,
  routes: string[],
): Promise<{ route: string; kb: number }[]> {
  const sizes = new Map<string, number>();
  const results = [];
  for (const route of routes) {
    const html = await (await fetch(`${base}${route}`, { headers: { cookie } })).text();
    // Scripts and preloads of the page; the nomodule polyfills load only in browsers without modules.
    const tags = [...html.matchAll(/<(?:script|link)\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => !/nomodule/i.test(tag));
    const scripts = [
      ...new Set(tags.flatMap((tag) => /(?:src|href)="(\/_next\/static\/[^"]+\.js)"/.exec(tag)?.[1] ?? [])),
    ];
    let bytes = 0;
    for (const script of scripts) {
      if (!sizes.has(script)) {
        const body = Buffer.from(await (await fetch(`${base}${script}`)).arrayBuffer());
        sizes.set(script, gzipSync(body).length);
      }
      bytes += sizes.get(script) ?? 0;
    }
    results.push({ route, kb: Math.round(bytes / 1024) });
  }
  return results;
}

/** Lighthouse 12 (pinned: 13.x needs Node 22 and its lock files differ; see docs/toolchain.md) in Debian's Chromium, signed in; the performance score. */
export async function lighthousePerformance(url: string, cookie: string): Promise<number> {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
        extraHeaders: { cookie },
      },
      (await import("lighthouse/core/config/desktop-config.js")).default,
    );
    return Math.round((result?.lhr.categories.performance?.score ?? 0) * 100);
  } finally {
    await chrome.kill();
  }
}
