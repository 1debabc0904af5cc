import { readFileSync } from "node:fs";
import path from "node:path";
import { autoImplementMethods } from "next/dist/server/route-modules/app-route/helpers/auto-implement-methods";
import { describe, expect, it } from "vitest";
import { allowHeader, ROUTE_METHODS } from "@/server/http/other-methods";
import { exportedMethods, ROOT, rel, urlPathOf, walk } from "@/test-support/app-routes";

// Every route file under app/api, but the catch-all of unknown paths (it answers every method
// with a 404 problem).
const routeFiles = walk(path.join(ROOT, "app/api"))
  .filter((file) => /[/\\]route\.ts$/.test(file))
  .map(rel)
  .filter((file) => file !== "app/api/[...path]/route.ts");

type Handler = (request: Request) => Response | Promise<Response>;

describe("a method an /api route does not have", () => {
  it("finds the route files", () => {
    expect(routeFiles.length).toBeGreaterThan(60);
  });

  it.each(routeFiles)(
    "%s answers it with a 405 problem and the Allow header, and OPTIONS as Next.js does",
    async (file) => {
      const has = exportedMethods(readFileSync(path.join(ROOT, file), "utf8"));
      const module = (await import(path.join(ROOT, file))) as Record<string, Handler | undefined>;
      const allow = allowHeader(has);
      const url = `http://localhost${urlPathOf(file).replace(/\[(?:\.\.\.)?(\w+)\]/g, "x-$1")}`;
      const missing = ROUTE_METHODS.filter((method) => !has.has(method));
      expect(missing.length).toBeGreaterThan(0);
      for (const method of missing) {
        const handler = module[method];
        expect(handler, `${file} exports no handler for ${method}: end it with otherMethods(...)`).toBeTypeOf(
          "function",
        );
        const response = await handler?.(new Request(url, { method }));
        expect(response?.status, `${method} ${file}`).toBe(405);
        expect(response?.headers.get("allow")).toBe(allow);
        expect(response?.headers.get("content-type")).toBe("application/problem+json");
        expect(await response?.json()).toEqual({
          type: "about:blank",
          status: 405,
          title: "Method Not Allowed",
          detail: `${method} is not allowed on ${new URL(url).pathname}. Allowed: ${allow}.`,
        });
      }

      // OPTIONS answers what Next.js would answer for the handlers the route has.
      const own = Object.fromEntries([...has].map((method) => [method, module[method]]));
      const nextOptions = autoImplementMethods(own as never).OPTIONS as unknown as () => Response;
      const options = await module.OPTIONS?.(new Request(url, { method: "OPTIONS" }));
      expect(options?.status).toBe(204);
      expect(options?.headers.get("allow")).toBe(nextOptions().headers.get("allow"));
    },
  );
});
