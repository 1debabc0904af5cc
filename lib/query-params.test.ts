import { describe, expect, it } from "vitest";
import { listQueryString, queryParams, requestQuery } from "./query-params";

describe("the query as the app reads it", () => {
  it("keeps each key's first value and drops the empty ones, from a URL or from a page's search params", () => {
    const fromUrl = requestQuery(new Request("http://x/api?stage=POC&q=&stage=PRODUCTION&sort=title"));
    expect(fromUrl).toEqual({ stage: "POC", sort: "title" });
    expect(queryParams({ stage: ["POC", "PRODUCTION"], q: "", sort: "title", page: undefined })).toEqual(fromUrl);
  });

  it("joins a repeated tag with commas (all of them filter), from a URL or from search params", () => {
    expect(requestQuery(new Request("http://x/api?tag=churn&tag=&tag=retail&q=a&q=b"))).toEqual({
      tag: "churn,retail",
      q: "a",
    });
    expect(queryParams({ tag: ["churn", "retail"] })).toEqual({ tag: "churn,retail" });
  });

  it("keeps unknown keys for the schema to refuse, and never touches the prototype", () => {
    const query = queryParams(new URLSearchParams("__proto__=x&constructor=y&limit=5"));
    expect(Object.keys(query)).toEqual(["__proto__", "constructor", "limit"]);
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("the use-case list's query as a saved view stores it", () => {
  it("drops the view, columns, page and empty keys, keeps unknown filters, and sorts the keys", () => {
    expect(listQueryString("?stage=POC&page=3&view=abc&columns=key,title&q=&tag=x&sort=value")).toBe(
      "sort=value&stage=POC&tag=x",
    );
    expect(listQueryString({ stage: "POC", sort: ["value", "title"] })).toBe("sort=value&stage=POC");
    expect(listQueryString("")).toBe("");
  });
});
